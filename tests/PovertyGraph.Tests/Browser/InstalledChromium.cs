using PuppeteerSharp;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// The machine's own Chromium (Debian's <c>/usr/bin/chromium</c>, or <c>$POVERTYGRAPH_CHROMIUM</c>), launched headless
/// by PuppeteerSharp. PuppeteerSharp never downloads a browser here: the executable path is always given.
/// </summary>
public static class InstalledChromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>
    /// Flags for a container with no display, no sandbox privileges and no network: without the background-networking
    /// flags Chromium keeps trying to reach Google's services, and this machine refuses those connections.
    /// </summary>
    private static readonly string[] Flags =
    [
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
    ];

    /// <summary>The executable: $POVERTYGRAPH_CHROMIUM if set, else Debian's /usr/bin/chromium.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("POVERTYGRAPH_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<IBrowser> LaunchAsync(TimeSpan timeout)
    {
        var executable = ExecutablePath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}: the browser tests drive a real headless Chromium. " +
                "Install chromium (apt-get install -y chromium), or set POVERTYGRAPH_CHROMIUM to a Chromium executable.");
        }

        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Flags,
            Timeout = (int)timeout.TotalMilliseconds,
            // Generous: on a loaded 2-core machine a protocol call can take seconds.
            ProtocolTimeout = 180_000,
            DefaultViewport = new ViewPortOptions { Width = 1400, Height = 900 },
        });
    }
}
