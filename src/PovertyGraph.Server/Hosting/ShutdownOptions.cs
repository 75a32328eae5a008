namespace PovertyGraph.Server.Hosting;

/// <summary>The <c>Shutdown</c> configuration section.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// On SIGTERM or Ctrl+C the server stops accepting connections and lets the requests in flight finish for up to
    /// this long (default 30 s) before it aborts them (<see cref="HostOptions.ShutdownTimeout"/>).
    /// </summary>
    public int TimeoutSeconds { get; set; } = 30;
}
