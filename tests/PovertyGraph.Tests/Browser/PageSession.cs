using System.Collections.Concurrent;
using System.Text.Json;
using PuppeteerSharp;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// One tab in its own incognito context (fresh storage, as on a first visit), driven by PuppeteerSharp, with the
/// network cut off: every request not to the test server's origin is aborted before it leaves, and recorded, so a
/// test can assert that none was attempted. Console messages, uncaught errors and failed requests are kept for
/// assertions and failure reports.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    /// <summary>Bound on any single wait (navigation, selector, condition): generous, for a loaded machine.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(90);

    private readonly IBrowserContext _context;
    private readonly string _origin;
    private readonly Func<string> _serverLog;
    private readonly ConcurrentQueue<string> _diagnostics = new();
    private readonly ConcurrentQueue<RequestSeen> _requests = new();

    private PageSession(IBrowserContext context, IPage page, string origin, Func<string> serverLog, string downloads)
    {
        _context = context;
        Page = page;
        _origin = origin;
        _serverLog = serverLog;
        DownloadDirectory = downloads;
    }

    /// <summary>Where the page's downloads land (a temporary folder of this session, deleted on dispose).</summary>
    public string DownloadDirectory { get; }

    /// <summary>A request the page made, as Chromium reported it before sending; <c>Blocked</c> when it was refused.</summary>
    public sealed record RequestSeen(string Url, string Method, IReadOnlyDictionary<string, string> Headers, string? Body, bool Blocked);

    public IPage Page { get; }

    public IReadOnlyCollection<RequestSeen> Requests => _requests.ToArray();

    /// <summary>Console messages, uncaught exceptions and failed requests seen so far.</summary>
    public IReadOnlyCollection<string> Diagnostics => _diagnostics.ToArray();

    /// <summary>Opens a tab whose network reaches only <paramref name="server"/>.</summary>
    /// <param name="beforeLoad">Runs on the new page before anything is loaded (e.g. to emulate a language).</param>
    public static async Task<PageSession> OpenAsync(IBrowser browser, ServerProcess server, Func<IPage, Task>? beforeLoad = null)
    {
        var downloads = Directory.CreateTempSubdirectory("povertygraph-downloads-").FullName;
        var context = await browser.CreateBrowserContextAsync(new BrowserContextOptions
        {
            DownloadBehavior = new DownloadBehavior { Policy = DownloadPolicy.Allow, DownloadPath = downloads },
        });
        var origin = server.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";
        PageSession? session = null;
        try
        {
            var page = await context.NewPageAsync();
            session = new PageSession(context, page, origin, () => server.LogTail, downloads);
            page.DefaultTimeout = (int)WaitTimeout.TotalMilliseconds;
            page.DefaultNavigationTimeout = (int)WaitTimeout.TotalMilliseconds;
            await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 900 });
            await page.SetCacheEnabledAsync(false);
            session.Watch();
            await page.SetRequestInterceptionAsync(true);
            if (beforeLoad is not null)
                await beforeLoad(page);
            return session;
        }
        catch
        {
            if (session is not null) await session.DisposeAsync();
            else await context.CloseAsync();
            throw;
        }
    }

    private void Watch()
    {
        Page.Request += async (_, e) =>
        {
            var request = e.Request;
            var local = IsLocal(request.Url);
            _requests.Enqueue(new RequestSeen(request.Url, request.Method.Method,
                new Dictionary<string, string>(request.Headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
                request.PostData?.ToString(), Blocked: !local));
            try
            {
                if (local) await request.ContinueAsync();
                else await request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
            }
            catch (PuppeteerException)
            {
                // The page navigated or closed meanwhile: the request is gone either way.
            }
        };
        Page.Console += (_, e) => _diagnostics.Enqueue($"console.{e.Message.Type.ToString().ToLowerInvariant()}: {e.Message.Text}");
        Page.PageError += (_, e) => _diagnostics.Enqueue($"uncaught: {e.Message}");
        Page.RequestFailed += (_, e) => _diagnostics.Enqueue($"request failed: {e.Request.Method.Method} {e.Request.Url}: {e.Request.FailureText}");
    }

    /// <summary>The test server's origin, or a URL that never touches the network.</summary>
    private bool IsLocal(string url) =>
        url.StartsWith(_origin, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)
        || url.StartsWith("blob:", StringComparison.Ordinal) || url.StartsWith("about:", StringComparison.Ordinal);

    /// <summary>Every request that was not for the test server (each was refused before it left the browser).</summary>
    public IReadOnlyList<string> RequestsElsewhere => _requests.Where(r => !IsLocal(r.Url)).Select(r => r.Url).ToList();

    /// <summary>Navigates and waits for the load event.</summary>
    public async Task GoToAsync(Uri url)
    {
        var response = await Page.GoToAsync(url.ToString(), new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        if (response is { Ok: false })
            throw new InvalidOperationException($"GET {url} answered {(int)response.Status}.\n{Report()}");
    }

    public async Task<T> EvaluateAsync<T>(string expression) => await Page.EvaluateExpressionAsync<T>(expression);

    /// <summary>Waits until a page expression is truthy and returns its value; on timeout, fails with what the page showed.</summary>
    public async Task<JsonElement> WaitForAsync(string expression, string what)
    {
        try
        {
            var handle = await Page.WaitForExpressionAsync(expression, new WaitForFunctionOptions
            {
                Timeout = (int)WaitTimeout.TotalMilliseconds,
                PollingInterval = 100,
            });
            return await handle.JsonValueAsync<JsonElement>();
        }
        catch (WaitTaskTimeoutException)
        {
            throw new TimeoutException($"timed out waiting for {what}.\n{await ReportWithPageAsync()}");
        }
    }

    /// <summary>Waits for a visible element and clicks its centre with real mouse events.</summary>
    public async Task ClickAsync(string selector)
    {
        try
        {
            var element = await Page.WaitForSelectorAsync(selector, new WaitForSelectorOptions { Visible = true });
            await element.ClickAsync();
        }
        catch (WaitTaskTimeoutException)
        {
            throw new TimeoutException($"timed out waiting for a visible {selector}.\n{await ReportWithPageAsync()}");
        }
    }

    /// <summary>Waits for a finished download of that name (Chromium writes a .crdownload file first, then renames it).</summary>
    public async Task<string> WaitForDownloadAsync(string fileName)
    {
        var path = Path.Combine(DownloadDirectory, fileName);
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (!File.Exists(path))
        {
            try
            {
                // A file system condition: there is no browser event to wait on for a download's end.
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                var present = string.Join(", ", Directory.GetFiles(DownloadDirectory).Select(Path.GetFileName));
                throw new TimeoutException($"the download {fileName} did not arrive (present: {present}).\n{Report()}");
            }
        }
        return await File.ReadAllTextAsync(path);
    }

    /// <summary>Saves a PNG of the viewport (or of the whole page).</summary>
    public async Task ScreenshotAsync(string path, bool fullPage = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(path, new ScreenshotOptions { Type = ScreenshotType.Png, FullPage = fullPage });
    }

    /// <summary>What went on, for a failure message: the page's console and errors, its requests, the server's log.</summary>
    public string Report()
    {
        var lines = new List<string> { "--- page console, errors and failed requests:" };
        lines.AddRange(_diagnostics.Take(50).Select(d => "  " + Truncate(d, 500)));
        lines.Add("--- requests:");
        lines.AddRange(_requests.Take(80).Select(r => $"  {r.Method} {Truncate(r.Url, 200)}{(r.Blocked ? " (blocked)" : "")}"));
        lines.Add("--- server log (tail):");
        lines.Add(_serverLog());
        return string.Join('\n', lines);
    }

    private async Task<string> ReportWithPageAsync()
    {
        string text;
        try
        {
            text = Truncate(await Page.EvaluateExpressionAsync<string>(
                "document.location.href + '\\n' + (document.body ? document.body.innerText : '(no body)')"), 3000);
        }
        catch (Exception ex) when (ex is PuppeteerException or InvalidOperationException)
        {
            text = $"(could not read the page: {ex.Message})";
        }
        return $"--- page text:\n{text}\n{Report()}";
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _context.CloseAsync();
        }
        catch (PuppeteerException)
        {
            // The browser is already gone.
        }
        try
        {
            Directory.Delete(DownloadDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
