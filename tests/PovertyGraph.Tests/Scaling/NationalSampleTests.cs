using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.Data.Generation;

namespace PovertyGraph.Tests.Scaling;

/// <summary>
/// The national sample's replicas (<see cref="ProvinceReplicas"/>), on the jiaohe profile at 2.5 times its size (the
/// national-sample profile is the same on the province): Jilin untouched, replica 2 repeating its households county by
/// county, replica 3 a prefix of its counties, everything generated flagged and deterministic, identity numbers valid,
/// unique and fake. Read with SQL written here, and through the API.
/// </summary>
public sealed class NationalSampleTests
{
    private const string HouseholdColumns = "h.\"Id\", h.\"ProvinceId\", h.\"CountyId\", h.\"VillageId\", h.\"MemberCount\", h.\"Type\", h.\"PrimaryCause\", " +
        "h.\"PrimaryMeasure\", h.\"HasLaborCapacity\", h.\"Relocated\", h.\"RegisteredYear\", h.\"PlannedExitYear\", h.\"AnnualIncomePerCapita\", " +
        "h.\"HeadName\", h.\"HeadIdNumber\", h.\"Phone\", h.\"CellKey\"";

    [Fact]
    public async Task Replicas_repeat_the_province_are_flagged_and_deterministic()
    {
        await using var server = new ScaledFactory();
        var api = await server.QueryAsync("""
            { dataset { profile } households { totalCount }
              provinces(order: [{ name: ASC }]) { nodes { name provenance { synthetic reference source { key } } } } }
            """);
        using var plain = Build("plain", 1);
        using var again = Build("again", ScaledFactory.Scale);
        using var db = server.Database.Open();

        // Through the API: the profile says what it is, every replica province is synthetic without a source document.
        Assert.Equal("jiaohe ×2.5", api["dataset"]!["profile"]!.GetValue<string>());
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM \"Households\""), api["households"]!["totalCount"]!.GetValue<long>());
        var provinces = api["provinces"]!["nodes"]!.AsArray();
        Assert.Equal(["吉林省", "样本省02", "样本省03"], provinces.Select(p => p!["name"]!.GetValue<string>()));
        Assert.All(provinces.Skip(1), (p, i) => Assert.Equal((true, ProvinceReplicas.Reference(i + 2), (string?)null),
            (p!["provenance"]!["synthetic"]!.GetValue<bool>(), p["provenance"]!["reference"]!.GetValue<string>(), (string?)p["provenance"]!["source"]?["key"])));

        // Jilin is what a build without replicas makes; the replicas are the same on every build with the seed.
        using (var plainDb = plain.Open())
            Assert.Equal(Checksum(plainDb, "WHERE h.\"ProvinceId\" = 1"), Checksum(db, "WHERE h.\"ProvinceId\" = 1"));
        using (var againDb = again.Open())
            Assert.Equal(Checksum(againDb, "WHERE h.\"ProvinceId\" > 1"), Checksum(db, "WHERE h.\"ProvinceId\" > 1"));

        // Replica 2 repeats Jilin household by household, county by county; replica 3 repeats a prefix of its counties.
        var position = CountyPositions(db);
        var households = db.Rows($"SELECT {HouseholdColumns} FROM \"Households\" h ORDER BY h.\"Id\"")
            .GroupBy(r => Convert.ToInt32(r[1])).ToDictionary(g => g.Key, g => g.Select(r => Shape(r, position)).ToList());
        Assert.Equal(households[1], households[2]);
        Assert.Equal(households[1].Where(h => h.County <= households[3].Max(x => x.County)), households[3]);
        Assert.InRange(households[3].Count, households[1].Count / 2, households[1].Count);

        // Every replicated row is synthetic, has no source document and names its replica.
        foreach (var table in new[] { "Prefectures", "Counties", "Townships", "Villages", "Households" })
        {
            Assert.Equal(0L, db.Scalar($"SELECT COUNT(*) FROM \"{table}\" t JOIN \"Provinces\" p ON p.\"Id\" = t.\"ProvinceId\" " +
                "WHERE p.\"Id\" > 1 AND (t.\"Synthetic\" = FALSE OR t.\"SourceDocumentId\" IS NOT NULL OR t.\"SourceReference\" <> p.\"SourceReference\")"));
        }

        Assert.Equal(0L, db.Scalar("SELECT COUNT(*) FROM \"Persons\" m JOIN \"Households\" h ON h.\"Id\" = m.\"HouseholdId\" " +
            "WHERE h.\"ProvinceId\" > 1 AND (m.\"Synthetic\" = FALSE OR m.\"SourceDocumentId\" IS NOT NULL OR m.\"SourceReference\" <> h.\"SourceReference\")"));
        // Nothing the documents say of a real place is carried over: no codes, no programme designations, no provincial level.
        Assert.Equal(0L, db.Scalar("SELECT COUNT(*) FROM \"Counties\" WHERE \"ProvinceId\" > 1 AND (\"Code\" IS NOT NULL OR \"NationalKeyCounty\" IS NOT NULL)"));
        Assert.Equal(0L, db.Scalar("SELECT COUNT(*) FROM \"Villages\" WHERE \"ProvinceId\" > 1 AND (\"ProvincialLevel\" = TRUE " +
            "OR \"Designations\" NOT IN ('', 'REGISTERED_POOR_VILLAGE'))"));

        // Identity numbers: valid, unique in the table, fake twice over (region 9RRCCC, sequence 9xx), with the member's birth date.
        var persons = db.Rows("SELECT m.\"IdNumber\", m.\"BirthDate\", h.\"ProvinceId\", h.\"CountyId\" FROM \"Persons\" m " +
                              "JOIN \"Households\" h ON h.\"Id\" = m.\"HouseholdId\" WHERE h.\"ProvinceId\" > 1");
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM \"Persons\""), db.Scalar("SELECT COUNT(DISTINCT \"IdNumber\") FROM \"Persons\""));
        Assert.All(persons, p =>
        {
            var id = (string)p[0]!;
            Assert.True(IdentityNumbers.IsValid(id) && IdentityNumbers.IsMarkedSynthetic(id), id);
            Assert.Equal(ProvinceReplicas.RegionCode(Convert.ToInt32(p[2]), position[Convert.ToInt32(p[3])]), id[..6]);
            Assert.Equal(Date(p[1]), id.Substring(6, 8));
        });
    }

    private static TestDatabase Build(string label, double scale)
    {
        var database = TestDatabase.Create(label);
        var options = database.Options();
        options.ScaleFactor = scale;
        using var services = new ServiceCollection().AddPovertyGraphData(options).BuildServiceProvider();
        services.GetRequiredService<DatabaseBootstrapper>().EnsureReady();
        return database;
    }

    /// <summary>A county's position among its province's counties in ID order.</summary>
    private static Dictionary<int, int> CountyPositions(DbConnection db) =>
        db.Rows("SELECT \"Id\", \"ProvinceId\" FROM \"Counties\" ORDER BY \"Id\"").GroupBy(r => Convert.ToInt32(r[1]))
            .SelectMany(g => g.Select((r, i) => (Id: Convert.ToInt32(r[0]), Position: i + 1))).ToDictionary(x => x.Id, x => x.Position);

    /// <summary>What a replica keeps of a household: its county's position and every figure (not its IDs, names or keys).</summary>
    private static (int County, string Figures) Shape(object?[] row, Dictionary<int, int> position) =>
        (position[Convert.ToInt32(row[2])], string.Join("|", row[4..13].Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));

    private static string Date(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        _ => ((string)value!).Replace("-", ""),
    };

    /// <summary>SHA-256 over the households (every column) and their members, in ID order.</summary>
    private static string Checksum(DbConnection db, string where)
    {
        var text = new StringBuilder();
        foreach (var sql in new[]
                 {
                     $"SELECT {HouseholdColumns} FROM \"Households\" h {where} ORDER BY h.\"Id\"",
                     $"SELECT m.\"Id\", m.\"HouseholdId\", m.\"Name\", m.\"IdNumber\", m.\"Gender\", m.\"BirthDate\", m.\"Relationship\" " +
                     $"FROM \"Persons\" m JOIN \"Households\" h ON h.\"Id\" = m.\"HouseholdId\" {where} ORDER BY m.\"Id\"",
                 })
        {
            foreach (var row in db.Rows(sql))
                text.AppendJoin('\u001f', row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
