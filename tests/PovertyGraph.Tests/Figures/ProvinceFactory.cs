using PovertyGraph.Tests.Infrastructure;

namespace PovertyGraph.Tests.Figures;

/// <summary>The server on the full province-scale database (built once per test run, about 20 s).</summary>
public sealed class ProvinceFactory : PovertyGraphFactory
{
    public static readonly string ProvinceDatabasePath = Path.Combine(Path.GetTempPath(), "povertygraph-tests", $"province-{Environment.ProcessId}.db");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:ConnectionString"] = ProvinceDatabasePath,
        ["Database:Profile"] = "province",
    };
}

[CollectionDefinition(Name)]
public sealed class ProvinceCollection : ICollectionFixture<ProvinceFactory>
{
    public const string Name = "province";
}
