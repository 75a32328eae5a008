using Microsoft.AspNetCore.Hosting;

namespace PovertyGraph.Tests.Operations;

/// <summary>
/// The in-memory server with its own small database and extra settings, for tests that configure what the shared
/// server must not have (CORS origins, traces, a Prometheus endpoint) or that break their database on purpose.
/// Always SQLite: the health tests move its file away.
/// </summary>
public sealed class OperationsFactory(string name, IReadOnlyDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null)
    : PovertyGraphFactory
{
    public string OwnDatabasePath { get; } = Path.Combine(Path.GetTempPath(), "povertygraph-tests", $"ops-{name}-{Environment.ProcessId}.db");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var all = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = OwnDatabasePath,
                ["Database:Profile"] = "jiaohe",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
            return all;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        configure?.Invoke(builder);
    }
}
