namespace PovertyGraph.Tests.Http;

/// <summary>A server in allow-list mode: callers without a token run only the repository's documents.</summary>
public sealed class AllowListFactory : PovertyGraphFactory
{
    private static readonly string OwnDatabase = Path.Combine(Path.GetTempPath(), "povertygraph-tests", $"allowlist-{Environment.ProcessId}.db");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Database:ConnectionString"] = OwnDatabase;
            settings["PersistedDocuments:Mode"] = "AllowList";
            return settings;
        }
    }
}
