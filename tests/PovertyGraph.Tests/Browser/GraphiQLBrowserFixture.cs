namespace PovertyGraph.Tests.Browser;

/// <summary>
/// The built server as a child process on a loopback port, and one headless Chromium, shared by the browser tests.
/// Chromium is started on first use, so a missing browser fails only the tests that need it, with the install hint.
/// </summary>
public sealed class GraphiQLBrowserFixture : IAsyncLifetime
{
    /// <summary>Bound on the server's start (it builds its small database first).</summary>
    public static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Bound on Chromium's start.</summary>
    public static readonly TimeSpan BrowserStartTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private HeadlessChromium? _browser;
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("the server is not started.");

    /// <summary>Where screenshots go: the test output folder.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "Browser", "screenshots");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(ServerStartTimeout);
        _server = await ServerProcess.StartAsync(timeout.Token);
    }

    public async Task<HeadlessChromium> BrowserAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            if (_browser is null)
            {
                using var timeout = new CancellationTokenSource(BrowserStartTimeout);
                _browser = await HeadlessChromium.StartAsync(timeout.Token);
            }
            return _browser;
        }
        finally
        {
            _browserLock.Release();
        }
    }

    public async Task<BrowserPage> OpenPageAsync(CancellationToken cancellation) =>
        await BrowserPage.OpenAsync(await BrowserAsync(), Server, cancellation);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
        _browserLock.Dispose();
    }
}
