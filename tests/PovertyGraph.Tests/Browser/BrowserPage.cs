using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Browser;

/// <summary>One Chromium tab driven over CDP: navigate, wait for page conditions, click like a user, screenshot.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly CdpConnection _cdp;
    private readonly Func<string> _serverLog;
    private readonly Func<string> _browserLog;
    private readonly ConcurrentQueue<string> _diagnostics = new();
    private readonly ConcurrentQueue<RequestSeen> _requests = new();

    private BrowserPage(CdpConnection cdp, Func<string> serverLog, Func<string> browserLog)
    {
        _cdp = cdp;
        _serverLog = serverLog;
        _browserLog = browserLog;
        _cdp.EventReceived += OnEvent;
    }

    /// <summary>A request the page made, as Chromium reported it before sending.</summary>
    public sealed record RequestSeen(string Url, string Method, IReadOnlyDictionary<string, string> Headers, string? Body);

    public IReadOnlyCollection<RequestSeen> Requests => _requests.ToArray();

    /// <summary>Console messages, uncaught exceptions and failed requests seen so far.</summary>
    public IReadOnlyCollection<string> Diagnostics => _diagnostics.ToArray();

    public static async Task<BrowserPage> OpenAsync(HeadlessChromium browser, ServerProcess server, CancellationToken cancellation)
    {
        var cdp = await browser.ConnectToPageAsync(cancellation);
        var page = new BrowserPage(cdp, () => server.LogTail, () => browser.LogTail);
        try
        {
            await cdp.SendAsync("Page.enable", null, cancellation);
            await cdp.SendAsync("Runtime.enable", null, cancellation);
            await cdp.SendAsync("Log.enable", null, cancellation);
            await cdp.SendAsync("Network.enable", null, cancellation);
            // Each test starts like a first visit: no GraphiQL state (tabs, query, headers) left in local storage.
            await cdp.SendAsync("Network.setCacheDisabled", new { cacheDisabled = true }, cancellation);
            await cdp.SendAsync("Storage.clearDataForOrigin",
                new { origin = server.BaseAddress.GetLeftPart(UriPartial.Authority), storageTypes = "local_storage,session_storage,cache_storage" },
                cancellation);
            await cdp.SendAsync("Emulation.setDeviceMetricsOverride",
                new { width = 1400, height = 900, deviceScaleFactor = 1, mobile = false }, cancellation);
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }

    private void OnEvent(string method, JsonElement parameters)
    {
        if (method == "Network.requestWillBeSent")
        {
            var request = parameters.GetProperty("request");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (request.TryGetProperty("headers", out var h))
                foreach (var header in h.EnumerateObject())
                    headers[header.Name] = header.Value.ToString();
            _requests.Enqueue(new RequestSeen(
                request.GetProperty("url").GetString()!,
                request.GetProperty("method").GetString()!,
                headers,
                request.TryGetProperty("postData", out var body) ? body.GetString() : null));
            return;
        }
        if (CdpConnection.Describe(method, parameters) is { } text)
            _diagnostics.Enqueue(text);
    }

    /// <summary>Navigates and waits for the load event.</summary>
    public async Task NavigateAsync(Uri url, CancellationToken cancellation)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(string method, JsonElement _)
        {
            if (method == "Page.loadEventFired") loaded.TrySetResult();
        }
        _cdp.EventReceived += OnLoad;
        try
        {
            var result = await _cdp.SendAsync("Page.navigate", new { url = url.ToString() }, cancellation);
            if (result.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } message)
                throw new InvalidOperationException($"navigation to {url} failed: {message}\n{Report()}");
            using var registration = cancellation.Register(() => loaded.TrySetCanceled(cancellation));
            try
            {
                await loaded.Task;
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{url} did not finish loading in time.\n{Report()}");
            }
        }
        finally
        {
            _cdp.EventReceived -= OnLoad;
        }
    }

    public Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellation) =>
        _cdp.EvaluateAsync(expression, cancellation);

    /// <summary>Polls a page expression until it is truthy and returns its value; on timeout, fails with what the page showed.</summary>
    public async Task<JsonNode> WaitForAsync(string expression, string what, CancellationToken cancellation)
    {
        Exception? lastError = null;
        while (true)
        {
            try
            {
                var value = await _cdp.EvaluateAsync(expression, cancellation);
                if (IsTruthy(value))
                    return value!;
                lastError = null;
            }
            catch (InvalidOperationException ex)
            {
                lastError = ex;
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                break;
            }
            try
            {
                await Task.Delay(200, cancellation);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        throw new TimeoutException($"timed out waiting for {what}.{(lastError is null ? "" : $"\nlast script error: {lastError.Message}")}\n{await ReportWithPageAsync()}");
    }

    /// <summary>Clicks the centre of the first element matching a CSS selector with real mouse events.</summary>
    public async Task ClickAsync(string selector, CancellationToken cancellation)
    {
        var box = await WaitForAsync($$"""
            (() => {
              const element = document.querySelector({{JsonSerializer.Serialize(selector)}});
              if (!element) return null;
              element.scrollIntoView({ block: 'center', inline: 'center' });
              const r = element.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) return null;
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            })()
            """, $"a visible element matching {selector}", cancellation);
        var x = (double)box["x"]!;
        var y = (double)box["y"]!;
        await _cdp.SendAsync("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y }, cancellation);
        await _cdp.SendAsync("Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", buttons = 1, clickCount = 1 }, cancellation);
        await _cdp.SendAsync("Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", buttons = 0, clickCount = 1 }, cancellation);
    }

    /// <summary>Saves a PNG of the viewport.</summary>
    public async Task ScreenshotAsync(string path, CancellationToken cancellation)
    {
        var result = await _cdp.SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = false }, cancellation);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(result.GetProperty("data").GetString()!), cancellation);
    }

    /// <summary>What went on, for a failure message: the page's console and errors, and the processes' last output.</summary>
    public string Report()
    {
        var lines = new List<string> { "--- page console, errors and failed requests:" };
        lines.AddRange(_diagnostics.Take(50).Select(d => "  " + CdpConnection.Truncate(d, 500)));
        lines.Add("--- requests:");
        lines.AddRange(_requests.Take(50).Select(r => $"  {r.Method} {CdpConnection.Truncate(r.Url, 200)}"));
        lines.Add("--- server log (tail):");
        lines.Add(_serverLog());
        lines.Add("--- chromium log (tail):");
        lines.Add(_browserLog());
        return string.Join('\n', lines);
    }

    private async Task<string> ReportWithPageAsync()
    {
        string text;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var body = await _cdp.EvaluateAsync("document.location.href + '\\n' + (document.body ? document.body.innerText : '(no body)')", timeout.Token);
            text = CdpConnection.Truncate(body?.ToString() ?? "", 3000);
        }
        catch (Exception ex)
        {
            text = $"(could not read the page: {ex.Message})";
        }
        return $"--- page text:\n{text}\n{Report()}";
    }

    private static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0,
        _ => true,
    };

    public async ValueTask DisposeAsync()
    {
        _cdp.EventReceived -= OnEvent;
        await _cdp.DisposeAsync();
    }
}
