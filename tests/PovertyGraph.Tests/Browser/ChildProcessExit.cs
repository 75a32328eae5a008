using System.Diagnostics;

namespace PovertyGraph.Tests.Browser;

/// <summary>Ends a child process the tests started, with everything it started, and releases it.</summary>
public static class ChildProcessExit
{
    public static async Task KillTreeAndDisposeAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or it would not die in time: nothing more the test can do.
        }
        process.Dispose();
    }
}
