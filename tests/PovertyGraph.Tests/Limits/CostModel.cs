namespace PovertyGraph.Tests.Limits;

/// <summary>
/// The README's cost model, written out from the database itself (not from the server's statistics), so that the tests
/// compare the server's figures with an independent computation.
/// </summary>
internal sealed class CostModel
{
    public const int DefaultPageSize = 50, MaxGroups = 5000, RowsPerScanPoint = 100;
    public const long PublicBudget = 25_000, ResearcherBudget = 250_000;

    public long Households { get; }
    public long Villages { get; }
    public long Counties { get; }
    /// <summary>The most villages one county has.</summary>
    public long VillagesPerCounty { get; }

    public CostModel(TestDatabase database)
    {
        using var db = database.Open();
        Households = db.Scalar("SELECT COUNT(*) FROM \"Households\"");
        Villages = db.Scalar("SELECT COUNT(*) FROM \"Villages\"");
        Counties = db.Scalar("SELECT COUNT(*) FROM \"Counties\"");
        VillagesPerCounty = db.Scalar("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM \"Villages\" GROUP BY \"CountyId\") AS perCounty");
    }

    /// <summary>The shared test server's database, once the server has built it and read its statistics.</summary>
    public static async Task<CostModel> OfAsync(PovertyGraphFactory factory)
    {
        await factory.QueryAsync("{ villages(first: 1) { totalCount } }");
        return new CostModel(factory.Database);
    }

    /// <summary>An aggregate, a grouping or a total reads its rows: a point per 100, at least one.</summary>
    public static long Scan(long rows) => Math.Max(1, (rows + RowsPerScanPoint - 1) / RowsPerScanPoint);
}
