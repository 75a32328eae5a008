namespace PovertyGraph.Tests.Figures;

/// <summary>The server on the full province-scale database (built once per test run, about 20 s).</summary>
public sealed class ProvinceFactory : PovertyGraphFactory
{
    protected override string Profile => "province";
}

[CollectionDefinition(Name)]
public sealed class ProvinceCollection : ICollectionFixture<ProvinceFactory>
{
    public const string Name = "province";
}
