namespace PovertyGraph.Tests.Data;

/// <summary>The same seed data and generator seed give the same database, row for row (DatasetInfo and DatasetChanges, holding the build time, aside).</summary>
[Collection(JiaoheDatabaseCollection.Name)]
public sealed class JiaoheDeterminismTests(JiaoheDatabaseFixture fixture) : IDisposable
{
    private readonly string _temp = DataTestSupport.NewTempFolder("determinism");

    public void Dispose() => DataTestSupport.DeleteQuietly(_temp);

    [Fact]
    public void Two_builds_of_the_jiaohe_profile_are_identical()
    {
        var first = Path.Combine(_temp, "first.db");
        var second = Path.Combine(_temp, "second.db");
        DataTestSupport.Build(first, "jiaohe");
        DataTestSupport.Build(second, "jiaohe");

        var a = DataTestSupport.TableChecksums(first, "DatasetInfo", "DatasetChanges");
        var b = DataTestSupport.TableChecksums(second, "DatasetInfo", "DatasetChanges");
        Assert.Equal(a, b);
        Assert.Equal(a, DataTestSupport.TableChecksums(fixture.DatabasePath, "DatasetInfo", "DatasetChanges"));
        // The comparison covers the generated tables, with their rows.
        foreach (var table in new[] { "Households", "Persons", "Villages", "Townships", "Projects", "FundingAllocations" })
            Assert.DoesNotMatch("^0 rows", a[table]);
        // And the checksum notices a difference.
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection(DataTestSupport.ConnectionString(second)))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE Persons SET Name = Name || '_' WHERE Id = 11609";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }
        var changed = DataTestSupport.TableChecksums(second, "DatasetInfo", "DatasetChanges");
        Assert.NotEqual(a["Persons"], changed["Persons"]);
        Assert.Equal(a.Where(t => t.Key != "Persons"), changed.Where(t => t.Key != "Persons"));
    }

    [Fact]
    public void A_different_generator_seed_gives_different_households()
    {
        var other = Path.Combine(_temp, "other-seed.db");
        DataTestSupport.Build(other, "jiaohe", generatorSeed: 42);
        var a = DataTestSupport.TableChecksums(fixture.DatabasePath, "DatasetInfo", "DatasetChanges");
        var b = DataTestSupport.TableChecksums(other, "DatasetInfo", "DatasetChanges");
        Assert.NotEqual(a["Persons"], b["Persons"]);
        // The imported (real) rows do not depend on the seed.
        foreach (var table in new[] { "SourceDocuments", "Provinces", "Prefectures", "Counties", "PlanTargets", "FundingSources", "Organizations", "OrganizationVillages" })
            Assert.Equal(a[table], b[table]);
        // Nor do the published totals.
        using var db = DataTestSupport.Open(other);
        Assert.Equal(11_609, db.Scalar("SELECT SUM(MemberCount) FROM Households"));
    }
}

[Collection(ProvinceDatabaseCollection.Name)]
public sealed class ProvinceDeterminismTests(ProvinceDatabaseFixture fixture) : IDisposable
{
    private readonly string _temp = DataTestSupport.NewTempFolder("determinism-province");

    public void Dispose() => DataTestSupport.DeleteQuietly(_temp);

    [Fact]
    public void A_second_build_of_the_province_profile_is_identical()
    {
        var second = Path.Combine(_temp, "province-2.db");
        DataTestSupport.Build(second, "province");
        Assert.Equal(fixture.Checksums, DataTestSupport.TableChecksums(second, "DatasetInfo", "DatasetChanges"));
        Assert.StartsWith("700739 rows", fixture.Checksums["Persons"]);
    }
}
