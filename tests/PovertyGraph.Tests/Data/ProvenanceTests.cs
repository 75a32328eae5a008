using Microsoft.Data.Sqlite;

namespace PovertyGraph.Tests.Data;

/// <summary>Every row says where it came from: a source document, or the synthetic flag.</summary>
public abstract class ProvenanceTests
{
    protected abstract string DatabasePath { get; }

    /// <summary>The tables of <c>SourcedEntity</c> rows (they carry SourceDocumentId, Synthetic, SyntheticFields).</summary>
    public static readonly string[] SourcedTables =
    [
        "Provinces", "Prefectures", "Counties", "Townships", "Villages", "Households", "Persons",
        "Projects", "FundingSources", "FundingAllocations", "PlanTargets", "Organizations",
    ];

    private SqliteConnection Open() => DataTestSupport.Open(DatabasePath);

    [Fact]
    public void The_sourced_tables_are_exactly_those_with_provenance_columns()
    {
        using var db = Open();
        var withProvenance = db.Tables().Where(t =>
            db.Rows($"PRAGMA table_info(\"{t}\")").Select(c => (string)c[1]!).ToHashSet() is var columns
            && columns.Contains("SourceDocumentId") && columns.Contains("Synthetic")).Order(StringComparer.Ordinal);
        Assert.Equal(SourcedTables.Order(StringComparer.Ordinal), withProvenance);
    }

    [Fact]
    public void Every_row_has_a_source_document_or_is_synthetic()
    {
        using var db = Open();
        foreach (var table in SourcedTables)
        {
            Assert.True(db.Scalar($"SELECT COUNT(*) FROM \"{table}\"") > 0, $"{table} is empty");
            var orphans = db.Scalar($"SELECT COUNT(*) FROM \"{table}\" WHERE (SourceDocumentId IS NULL OR SourceDocumentId = '') AND Synthetic <> 1");
            Assert.True(orphans == 0, $"{table}: {orphans} row(s) with neither a source document nor Synthetic = 1");
            var unknown = db.Scalar($"SELECT COUNT(*) FROM \"{table}\" WHERE SourceDocumentId IS NOT NULL AND SourceDocumentId NOT IN (SELECT Id FROM SourceDocuments)");
            Assert.True(unknown == 0, $"{table}: {unknown} row(s) citing an unknown source document");
            Assert.Equal(0, db.Scalar($"SELECT COUNT(*) FROM \"{table}\" WHERE Synthetic NOT IN (0, 1)"));
        }
        // The five documents of DATA.md.
        Assert.Equal(["jiaohe-plan-2016-2020", "jl-2013-300k", "jl-plan-2016-2020", "jl-yearbook-2012", "national-plan-2016-2020"],
            db.Rows("SELECT Id FROM SourceDocuments ORDER BY Id").Select(r => (string)r[0]!));
    }

    [Fact]
    public void All_households_and_persons_are_synthetic()
    {
        using var db = Open();
        // DATA.md: real household data is never published.
        Assert.True(db.Scalar("SELECT COUNT(*) FROM Households") > 0);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Households WHERE Synthetic <> 1"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Persons WHERE Synthetic <> 1"));
    }

    [Fact]
    public void Placeholder_villages_are_synthetic_and_the_235_real_villages_are_not()
    {
        using var db = Open();
        // 001 Table 1-2: Jiaohe's 25 provincial poor villages, transcribed.
        Assert.Equal(25, db.Scalar("""
            SELECT COUNT(*) FROM Villages v JOIN Counties c ON c.Id = v.CountyId
            WHERE c.Name = '蛟河市' AND v.ProvincialLevel = 1 AND v.Synthetic = 0 AND v.SourceDocumentId = 'jiaohe-plan-2016-2020'
            """));
        // 002 Annex 3: 210 villages starting whole-village advancement in 2013, transcribed, registered unknown (NULL).
        Assert.Equal(210, db.Scalar("""
            SELECT COUNT(*) FROM Villages
            WHERE Designations LIKE '%WHOLE_VILLAGE_ADVANCEMENT_2013%' AND Synthetic = 0 AND SourceDocumentId = 'jl-2013-300k' AND Registered IS NULL
            """));
        // Annex 3 by prefecture: 长春 17, 吉林 17, 四平 13, 辽源 6, 通化 13, 白山 22, 松原 12, 白城 44, 延边 66.
        Assert.Equal(new Dictionary<string, long>
            {
                ["长春市"] = 17, ["吉林市"] = 17, ["四平市"] = 13, ["辽源市"] = 6, ["通化市"] = 13, ["白山市"] = 22,
                ["松原市"] = 12, ["白城市"] = 44, ["延边朝鲜族自治州"] = 66,
            },
            db.Pairs("""
                SELECT pf.Name, COUNT(*) FROM Villages v JOIN Townships t ON t.Id = v.TownshipId JOIN Counties c ON c.Id = t.CountyId
                JOIN Prefectures pf ON pf.Id = c.PrefectureId
                WHERE v.Designations LIKE '%WHOLE_VILLAGE_ADVANCEMENT_2013%' GROUP BY pf.Name
                """));
        // Those 235 are the only real villages; every other village is a generated placeholder.
        Assert.Equal(235, db.Scalar("SELECT COUNT(*) FROM Villages WHERE Synthetic = 0"));
        Assert.Equal(0, db.Scalar("""
            SELECT COUNT(*) FROM Villages WHERE Synthetic = 0
              AND NOT (Designations LIKE '%WHOLE_VILLAGE_ADVANCEMENT_2013%' OR ProvincialLevel = 1)
            """));
        // The 1,464 unnamed registered villages (1,489 less Jiaohe's 25) are placeholders.
        Assert.Equal(1_464, db.Scalar("SELECT COUNT(*) FROM Villages WHERE Registered = 1 AND Synthetic = 1"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Villages WHERE Synthetic = 0 AND Id NOT BETWEEN 1 AND 235"));
    }

    [Fact]
    public void Generated_fields_on_real_rows_are_declared()
    {
        using var db = Open();
        // Real registered villages get their exit year from the generator: the field must be declared as synthetic.
        Assert.Equal(0, db.Scalar("""
            SELECT COUNT(*) FROM Villages WHERE Synthetic = 0 AND PlannedExitYear IS NOT NULL
              AND (',' || SyntheticFields || ',') NOT LIKE '%,plannedExitYear,%'
            """));
        // Lists are stored comma-separated, never with the CSV's ';'.
        foreach (var table in SourcedTables)
            Assert.Equal(0, db.Scalar($"SELECT COUNT(*) FROM \"{table}\" WHERE SyntheticFields LIKE '%;%'"));
    }

    [Fact]
    public void Denormalised_geography_agrees_with_the_hierarchy()
    {
        using var db = Open();
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Counties c JOIN Prefectures p ON p.Id = c.PrefectureId WHERE c.ProvinceId <> p.ProvinceId"));
        Assert.Equal(0, db.Scalar("""
            SELECT COUNT(*) FROM Townships t JOIN Counties c ON c.Id = t.CountyId
            WHERE t.PrefectureId <> c.PrefectureId OR t.ProvinceId <> c.ProvinceId
            """));
        Assert.Equal(0, db.Scalar("""
            SELECT COUNT(*) FROM Villages v JOIN Townships t ON t.Id = v.TownshipId
            WHERE v.CountyId <> t.CountyId OR v.PrefectureId <> t.PrefectureId OR v.ProvinceId <> t.ProvinceId
            """));
        Assert.Equal(0, db.Scalar("""
            SELECT COUNT(*) FROM Households h JOIN Villages v ON v.Id = h.VillageId
            WHERE h.TownshipId <> v.TownshipId OR h.CountyId <> v.CountyId OR h.PrefectureId <> v.PrefectureId OR h.ProvinceId <> v.ProvinceId
            """));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Households WHERE VillageId NOT IN (SELECT Id FROM Villages)"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Persons WHERE HouseholdId NOT IN (SELECT Id FROM Households)"));
        Assert.Empty(db.Rows("PRAGMA foreign_key_check"));
    }
}

[Collection(ProvinceDatabaseCollection.Name)]
public sealed class ProvenanceOnProvinceProfileTests(ProvinceDatabaseFixture fixture) : ProvenanceTests
{
    protected override string DatabasePath => fixture.DatabasePath;
}

[Collection(JiaoheDatabaseCollection.Name)]
public sealed class ProvenanceOnJiaoheProfileTests(JiaoheDatabaseFixture fixture) : ProvenanceTests
{
    protected override string DatabasePath => fixture.DatabasePath;
}
