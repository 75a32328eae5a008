namespace PovertyGraph.Tests.Http;

/// <summary>A server that reads the data version on every cacheable request, on its own database (the test imports into it).</summary>
public sealed class ImportingFactory : PovertyGraphFactory
{
    public static readonly string OwnDatabase = Path.Combine(Path.GetTempPath(), "povertygraph-tests", $"importing-{Environment.ProcessId}.db");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Database:ConnectionString"] = OwnDatabase;
            settings["HttpCaching:VersionCheckMilliseconds"] = "0";
            return settings;
        }
    }
}
