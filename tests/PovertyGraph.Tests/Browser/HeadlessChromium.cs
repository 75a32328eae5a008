using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, started with a throwaway profile and remote debugging on a port it picks itself
/// (read back from the profile's DevToolsActivePort file). Killed, with its profile deleted, on dispose.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Flags that work in a container with no display, no sandbox privileges and no network.</summary>
    private static readonly string[] Flags =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--mute-audio",
        "--hide-scrollbars",
        "--window-size=1400,900",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
    ];

    private readonly Process _process;
    private readonly string _profileDir;
    private readonly BoundedLog _log;

    private HeadlessChromium(Process process, string profileDir, BoundedLog log, int debuggingPort, string? browserPath)
    {
        _process = process;
        _profileDir = profileDir;
        _log = log;
        DebuggingPort = debuggingPort;
        _browserPath = browserPath;
    }

    private readonly string? _browserPath;

    public int DebuggingPort { get; }

    /// <summary>The last lines Chromium wrote to stdout/stderr.</summary>
    public string LogTail => _log.Tail();

    /// <summary>The executable: $POVERTYGRAPH_CHROMIUM if set, else Debian's /usr/bin/chromium.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("POVERTYGRAPH_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellation)
    {
        var executable = ExecutablePath;
        if (!File.Exists(executable))
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}: the browser tests drive a real headless Chromium. " +
                "install chromium (apt-get install -y chromium), or set POVERTYGRAPH_CHROMIUM to a Chromium executable.");

        var profileDir = Directory.CreateTempSubdirectory("povertygraph-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var flag in Flags) start.ArgumentList.Add(flag);
        start.ArgumentList.Add($"--user-data-dir={profileDir}");
        start.ArgumentList.Add("about:blank");

        var log = new BoundedLog(200);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var browser = new HeadlessChromium(process, profileDir, log, 0, null);
        try
        {
            var portFile = Path.Combine(profileDir, "DevToolsActivePort");
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (process.HasExited)
                    throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} at start-up:\n{log.Tail()}");
                if (File.Exists(portFile))
                {
                    var lines = await File.ReadAllLinesAsync(portFile, cancellation);
                    // First line: the port; second: the browser target's path (/devtools/browser/<id>).
                    if (lines.Length > 1 && int.TryParse(lines[0], out var port) && port > 0)
                        return new HeadlessChromium(process, profileDir, log, port, lines[1]);
                }
                await Task.Delay(100, cancellation);
            }
        }
        catch (OperationCanceledException)
        {
            await browser.DisposeAsync();
            throw new TimeoutException($"Chromium did not open its DevTools port in time:\n{log.Tail()}");
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connects to a page target (the start-up tab, or a new one).</summary>
    public async Task<CdpConnection> ConnectToPageAsync(CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{DebuggingPort}/"), Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var targets = JsonNode.Parse(await http.GetStringAsync("json/list", cancellation))!.AsArray();
            var page = targets.FirstOrDefault(t => (string?)t!["type"] == "page" && t["webSocketDebuggerUrl"] is not null);
            if (page is null)
            {
                // No tab yet: open one.
                using var request = new HttpRequestMessage(HttpMethod.Put, "json/new?about:blank");
                using var response = await http.SendAsync(request, cancellation);
                page = response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation)) : null;
            }
            if (page?["webSocketDebuggerUrl"] is { } url)
                return await CdpConnection.ConnectAsync(new Uri((string)url!), cancellation);
            await Task.Delay(100, cancellation);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Ask Chromium to close first, so that it ends (and reaps) its own helper processes; kill what is left.
        if (_browserPath is not null && !_process.HasExited)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await using (var browser = await CdpConnection.ConnectAsync(new Uri($"ws://127.0.0.1:{DebuggingPort}{_browserPath}"), timeout.Token))
                {
                    try
                    {
                        await browser.SendAsync("Browser.close", null, timeout.Token);
                    }
                    catch (InvalidOperationException)
                    {
                        // The connection closing as the browser exits is the expected answer.
                    }
                }
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or InvalidOperationException
                                           or System.Net.WebSockets.WebSocketException or HttpRequestException)
            {
            }
        }
        await ChildProcessExit.KillTreeAndDisposeAsync(_process);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(_profileDir)) Directory.Delete(_profileDir, recursive: true);
                break;
            }
            catch (IOException)
            {
                await Task.Delay(200);
            }
            catch (UnauthorizedAccessException)
            {
                break;
            }
        }
    }
}

/// <summary>The last N lines of a child process's output, for failure messages.</summary>
public sealed class BoundedLog(int capacity)
{
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    public string Tail(int count = 60)
    {
        lock (_lines)
            return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - count)));
    }
}
