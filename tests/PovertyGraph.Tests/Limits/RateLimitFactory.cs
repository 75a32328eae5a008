namespace PovertyGraph.Tests.Limits;

/// <summary>A server whose callers may send three requests at once and one more a minute.</summary>
public sealed class RateLimitFactory : PovertyGraphFactory
{
    public const int Burst = 3;

    private static readonly string OwnDatabase = Path.Combine(Path.GetTempPath(), "povertygraph-tests", $"rates-{Environment.ProcessId}.db");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Database:ConnectionString"] = OwnDatabase;
            settings["RateLimiting:Enabled"] = "true";
            settings["RateLimiting:Public:PermitsPerMinute"] = "1";
            settings["RateLimiting:Public:Burst"] = Burst.ToString();
            settings["RateLimiting:TokenHolders:PermitsPerMinute"] = "1";
            settings["RateLimiting:TokenHolders:Burst"] = Burst.ToString();
            return settings;
        }
    }
}
