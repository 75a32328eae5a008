using PuppeteerSharp;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// The built server as a child process on a loopback port, and one headless Chromium, shared by the browser tests
/// (the <see cref="BrowserCollection"/>). Chromium is started on first use, so a missing browser fails only the tests
/// that need it, with the install hint.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Bound on the server's start (it builds its small database first).</summary>
    public static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(180);

    /// <summary>Bound on Chromium's start.</summary>
    public static readonly TimeSpan BrowserStartTimeout = TimeSpan.FromSeconds(90);

    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private IBrowser? _browser;
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("the server is not started.");

    /// <summary>Where screenshots go: the test output folder.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "Browser", "screenshots");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(ServerStartTimeout);
        _server = await ServerProcess.StartAsync(timeout.Token);
    }

    public async Task<IBrowser> BrowserAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            return _browser ??= await InstalledChromium.LaunchAsync(BrowserStartTimeout);
        }
        finally
        {
            _browserLock.Release();
        }
    }

    /// <summary>A fresh tab whose network reaches only the test server.</summary>
    public async Task<PageSession> OpenPageAsync(Func<IPage, Task>? beforeLoad = null) =>
        await PageSession.OpenAsync(await BrowserAsync(), Server, beforeLoad);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            try
            {
                await _browser.CloseAsync();
            }
            catch (PuppeteerException)
            {
                // Already gone.
            }
            await _browser.DisposeAsync();
        }
        if (_server is not null) await _server.DisposeAsync();
        _browserLock.Dispose();
    }
}
