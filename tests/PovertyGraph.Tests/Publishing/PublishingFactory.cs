using Microsoft.Extensions.DependencyInjection;

namespace PovertyGraph.Tests.Publishing;

/// <summary>
/// A server whose downloads send small batches (so 11,609 persons make many), with a PUBLIC budget of 60 points
/// (villages download, persons with their places do not) and a test hook: a download sent with the header
/// <see cref="FailAfterHeader"/> fails after that many rows, as a database or disk failure would mid-stream.
/// </summary>
public sealed class PublishingFactory : PovertyGraphFactory
{
    public const int BatchRows = 500;
    public const int PublicBudget = 60;
    public const string FailAfterHeader = "X-Test-Fail-After-Rows";

    private int _hooked;

    /// <summary>Makes downloads sent with <see cref="FailAfterHeader"/> fail after that many rows (once per server).</summary>
    public void HookFailures()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 1) return;
        Services.GetRequiredService<PovertyGraph.Server.Downloads.DownloadEvents>().RowRead += (context, rows) =>
        {
            if (context.Request.Headers.TryGetValue(FailAfterHeader, out var after) && long.Parse(after.ToString(), System.Globalization.CultureInfo.InvariantCulture) == rows)
                throw new IOException($"simulated failure after {rows} rows");
        };
    }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Downloads:BatchRows"] = BatchRows.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Cost:Budgets:Public"] = PublicBudget.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return settings;
        }
    }
}
