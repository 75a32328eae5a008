using Microsoft.Data.Sqlite;

namespace PovertyGraph.Tests.Data;

/// <summary>
/// Every total of shared/design/DATA.md, checked with raw SQL written independently of the generator. The
/// expected values are literals transcribed from the documents (cited per assertion), never read from
/// published_totals.csv or from generator code. Enum values are the integers of src/PovertyGraph.Domain/**/Enums.cs.
/// </summary>
[Collection(ProvinceDatabaseCollection.Name)]
public sealed class ProvinceTotalsTests(ProvinceDatabaseFixture fixture)
{
    private SqliteConnection Open() => DataTestSupport.Open(fixture.DatabasePath);

    [Fact]
    public void Registered_villages_are_1489_and_exit_663_511_315()
    {
        using var db = Open();
        // 000 Table 1, 建档立卡贫困村 2015: 1489.
        Assert.Equal(1489, db.Scalar("SELECT COUNT(*) FROM Villages WHERE Registered = 1"));
        // 000 Table 1, 贫困村退出: 2017 663, 2018 511, 2019 315 (no registered village exits in any other year).
        var byYear = db.Pairs("SELECT PlannedExitYear, COUNT(*) FROM Villages WHERE Registered = 1 GROUP BY PlannedExitYear");
        Assert.Equal(new Dictionary<string, long> { ["2017"] = 663, ["2018"] = 511, ["2019"] = 315 }, byYear);
    }

    [Fact]
    public void Province_has_700739_persons_in_member_counts_and_in_person_rows()
    {
        using var db = Open();
        // 000 Table 1, 建档立卡贫困人口 2015年: 70.0739万 = 700,739.
        Assert.Equal(700_739, db.Scalar("SELECT SUM(MemberCount) FROM Households"));
        Assert.Equal(700_739, db.Scalar("SELECT COUNT(*) FROM Persons"));
        Assert.Equal(700_739, db.Scalar("SELECT COUNT(*) FROM Persons p JOIN Households h ON h.Id = p.HouseholdId"));
        // Not a document figure: the generator's household count (Jiaohe's persons per household, applied to the rest).
        Assert.Equal(352_029, db.Scalar("SELECT COUNT(*) FROM Households"));
        // Every household is in the province of 吉林省.
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Households h JOIN Provinces p ON p.Id = h.ProvinceId WHERE p.Name <> '吉林省'"));
    }

    [Fact]
    public void Persons_exit_306305_166854_140266_87314_by_year()
    {
        using var db = Open();
        // 000 Table 1, 贫困人口脱贫: 2017 166,854; 2018 140,266; 2019 87,314; 2016 = 700,739 less those = 306,305 (DATA.md).
        var expected = new Dictionary<string, long> { ["2016"] = 306_305, ["2017"] = 166_854, ["2018"] = 140_266, ["2019"] = 87_314 };
        Assert.Equal(expected, db.Pairs("SELECT PlannedExitYear, SUM(MemberCount) FROM Households GROUP BY PlannedExitYear"));
        Assert.Equal(expected, db.Pairs("SELECT h.PlannedExitYear, COUNT(*) FROM Persons p JOIN Households h ON h.Id = p.HouseholdId GROUP BY h.PlannedExitYear"));
    }

    [Fact]
    public void Illness_households_are_268500()
    {
        using var db = Open();
        // 000 Table 1: 建档立卡贫困户因病致（返）贫户数 26.85万户, reproduced as primary cause illness (PovertyCause.Illness = 1).
        Assert.Equal(268_500, db.Scalar("SELECT COUNT(*) FROM Households WHERE PrimaryCause = 1"));
    }

    [Fact]
    public void Relocated_persons_are_12233()
    {
        using var db = Open();
        // 000 Table 1, 易地扶贫搬迁人口: 12,233.
        Assert.Equal(12_233, db.Scalar("SELECT SUM(MemberCount) FROM Households WHERE Relocated = 1"));
        Assert.Equal(12_233, db.Scalar("SELECT COUNT(*) FROM Persons p JOIN Households h ON h.Id = p.HouseholdId WHERE h.Relocated = 1"));
    }
}

/// <summary>Jiaohe's totals on the province database.</summary>
[Collection(ProvinceDatabaseCollection.Name)]
public sealed class JiaoheTotalsOnProvinceProfileTests(ProvinceDatabaseFixture fixture) : JiaoheTotalsTests
{
    protected override string DatabasePath => fixture.DatabasePath;
}

/// <summary>Jiaohe's totals on the jiaohe database: identical to the province profile's.</summary>
[Collection(JiaoheDatabaseCollection.Name)]
public sealed class JiaoheTotalsOnJiaoheProfileTests(JiaoheDatabaseFixture fixture) : JiaoheTotalsTests
{
    protected override string DatabasePath => fixture.DatabasePath;

    [Fact]
    public void Jiaohe_profile_still_has_all_1489_registered_villages_and_only_jiaohe_households()
    {
        using var db = DataTestSupport.Open(DatabasePath);
        Assert.Equal(1489, db.Scalar("SELECT COUNT(*) FROM Villages WHERE Registered = 1"));
        Assert.Equal(new Dictionary<string, long> { ["2017"] = 663, ["2018"] = 511, ["2019"] = 315 },
            db.Pairs("SELECT PlannedExitYear, COUNT(*) FROM Villages WHERE Registered = 1 GROUP BY PlannedExitYear"));
        Assert.Equal(5_832, db.Scalar("SELECT COUNT(*) FROM Households"));
        Assert.Equal(11_609, db.Scalar("SELECT COUNT(*) FROM Persons"));
    }
}

/// <summary>001 (蛟河市“十三五”脱贫攻坚规划) figures, as DATA.md lists them.</summary>
public abstract class JiaoheTotalsTests
{
    protected abstract string DatabasePath { get; }

    // Households of Jiaohe, found through the village → township → county chain (not the denormalised columns).
    private const string JiaoheChain = """
        JOIN Villages v ON v.Id = h.VillageId
        JOIN Townships t ON t.Id = v.TownshipId
        JOIN Counties c ON c.Id = t.CountyId AND c.Name = '蛟河市'
        """;

    private const string JiaoheHouseholds = "Households h " + JiaoheChain;

    private const string JiaohePersons = "Persons p JOIN Households h ON h.Id = p.HouseholdId " + JiaoheChain;

    private SqliteConnection Open() => DataTestSupport.Open(DatabasePath);

    [Fact]
    public void Jiaohe_has_5832_households_and_11609_persons()
    {
        using var db = Open();
        // 001 Table 1-1, 合计: 5,832 户, 11,609 人.
        Assert.Equal(5_832, db.Scalar($"SELECT COUNT(*) FROM {JiaoheHouseholds}"));
        Assert.Equal(11_609, db.Scalar($"SELECT SUM(h.MemberCount) FROM {JiaoheHouseholds}"));
        Assert.Equal(11_609, db.Scalar($"SELECT COUNT(*) FROM {JiaohePersons}"));
        // The denormalised county column says the same.
        Assert.Equal(5_832, db.Scalar("SELECT COUNT(*) FROM Households h JOIN Counties c ON c.Id = h.CountyId WHERE c.Name = '蛟河市'"));
    }

    [Fact]
    public void Jiaohe_townships_match_table_1_1()
    {
        using var db = Open();
        // 001 Table 1-1, households / persons by township.
        var expected = new (string Township, long Households, long Persons)[]
        {
            ("漂河镇", 271, 567), ("白石山镇", 583, 953), ("庆岭镇", 582, 1538), ("天岗镇", 611, 1086),
            ("新站镇", 544, 1053), ("松江镇", 522, 1260), ("天北镇", 725, 1501), ("黄松甸镇", 367, 745),
            ("乌林乡", 252, 445), ("前进乡", 348, 572), ("河南街", 309, 540), ("拉法街", 378, 716),
            ("新农街", 184, 353), ("奶子山街", 141, 253), ("民主街", 11, 23), ("长安街", 4, 4),
        };
        Assert.Equal(5_832, expected.Sum(e => e.Households)); // the table's 合计
        Assert.Equal(11_609, expected.Sum(e => e.Persons));
        Assert.Equal(expected.ToDictionary(e => e.Township, e => e.Households),
            db.Pairs($"SELECT t.Name, COUNT(*) FROM {JiaoheHouseholds} GROUP BY t.Name"));
        Assert.Equal(expected.ToDictionary(e => e.Township, e => e.Persons),
            db.Pairs($"SELECT t.Name, SUM(h.MemberCount) FROM {JiaoheHouseholds} GROUP BY t.Name"));
        Assert.Equal(expected.ToDictionary(e => e.Township, e => e.Persons),
            db.Pairs($"SELECT t.Name, COUNT(*) FROM {JiaohePersons} GROUP BY t.Name"));
        // Jiaohe has exactly these 16 townships (Table 1-1), none invented.
        Assert.Equal(expected.Select(e => e.Township).Order(StringComparer.Ordinal),
            db.Rows("SELECT t.Name FROM Townships t JOIN Counties c ON c.Id = t.CountyId WHERE c.Name = '蛟河市'")
                .Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Jiaohe_households_by_type()
    {
        using var db = Open();
        // 001 第一章 三 text (not Table 1-1), 户类型: 低保户 3,560/7,260; 五保户 566/687; 一般户 1,706/3,662 (HouseholdType 1, 2, 3).
        Assert.Equal(new Dictionary<string, long> { ["1"] = 3_560, ["2"] = 566, ["3"] = 1_706 },
            db.Pairs($"SELECT h.Type, COUNT(*) FROM {JiaoheHouseholds} GROUP BY h.Type"));
        Assert.Equal(new Dictionary<string, long> { ["1"] = 7_260, ["2"] = 687, ["3"] = 3_662 },
            db.Pairs($"SELECT h.Type, SUM(h.MemberCount) FROM {JiaoheHouseholds} GROUP BY h.Type"));
    }

    [Fact]
    public void Jiaohe_households_by_primary_cause()
    {
        using var db = Open();
        // 001 第一章 三, text after Table 1-2, 致贫原因 (PovertyCause 1..10): 因病 4045/8133, 因残 981/1730, 因学 73/203, 因灾 8/16,
        // 缺土地 112/258, 缺技术 257/408, 缺劳力 79/153, 缺资金 49/93, 自身发展动力不足 76/163, 其他 152/452.
        Assert.Equal(new Dictionary<string, long>
            {
                ["1"] = 4045, ["2"] = 981, ["3"] = 73, ["4"] = 8, ["5"] = 112, ["6"] = 257, ["7"] = 79, ["8"] = 49, ["9"] = 76, ["10"] = 152,
            },
            db.Pairs($"SELECT h.PrimaryCause, COUNT(*) FROM {JiaoheHouseholds} GROUP BY h.PrimaryCause"));
        Assert.Equal(new Dictionary<string, long>
            {
                ["1"] = 8133, ["2"] = 1730, ["3"] = 203, ["4"] = 16, ["5"] = 258, ["6"] = 408, ["7"] = 153, ["8"] = 93, ["9"] = 163, ["10"] = 452,
            },
            db.Pairs($"SELECT h.PrimaryCause, SUM(h.MemberCount) FROM {JiaoheHouseholds} GROUP BY h.PrimaryCause"));
    }

    [Fact]
    public void Jiaohe_persons_by_primary_measure_and_the_3_without_one()
    {
        using var db = Open();
        // 001 Table 3-1 (六个一批, person-times 人次, reproduced as persons): production 4,415; ecology 0; education 89; health 1,159;
        // social security 5,943; case-by-case 0 (AssistanceMeasure 1..6). They add to 11,606 against the 合计 11,609:
        // seed-data/README.md leaves the households of the other 3 persons without a primary measure (NULL).
        var byMeasure = db.Pairs($"SELECT h.PrimaryMeasure, SUM(h.MemberCount) FROM {JiaoheHouseholds} GROUP BY h.PrimaryMeasure");
        Assert.Equal(new Dictionary<string, long> { ["1"] = 4_415, ["3"] = 89, ["4"] = 1_159, ["5"] = 5_943, ["(null)"] = 3 }, byMeasure);
        Assert.Equal(0, db.Scalar($"SELECT COUNT(*) FROM {JiaoheHouseholds} WHERE h.PrimaryMeasure IN (2, 6)"));
        Assert.Equal(3, db.Scalar($"SELECT COUNT(*) FROM {JiaohePersons} WHERE h.PrimaryMeasure IS NULL"));
    }

    [Fact]
    public void Jiaohe_persons_by_exit_year()
    {
        using var db = Open();
        // 001 Table 2-1, 脱贫人口: 2016 6,000; 2017 5,609.
        var expected = new Dictionary<string, long> { ["2016"] = 6_000, ["2017"] = 5_609 };
        Assert.Equal(expected, db.Pairs($"SELECT h.PlannedExitYear, SUM(h.MemberCount) FROM {JiaoheHouseholds} GROUP BY h.PlannedExitYear"));
        Assert.Equal(expected, db.Pairs($"SELECT h.PlannedExitYear, COUNT(*) FROM {JiaohePersons} GROUP BY h.PlannedExitYear"));
    }

    [Fact]
    public void Jiaohe_labour_capacity_1732_households_2614_persons()
    {
        using var db = Open();
        // 001 第一章: 有劳动能力贫困户 1,732 户, 2,614 人.
        Assert.Equal(1_732, db.Scalar($"SELECT COUNT(*) FROM {JiaoheHouseholds} WHERE h.HasLaborCapacity = 1"));
        Assert.Equal(2_614, db.Scalar($"SELECT SUM(h.MemberCount) FROM {JiaoheHouseholds} WHERE h.HasLaborCapacity = 1"));
    }

    [Fact]
    public void Jiaohe_25_provincial_villages_hold_1121_households_and_2412_persons()
    {
        using var db = Open();
        // 001 Table 1-2: 25 省级贫困村, 1,121 户, 2,412 人.
        Assert.Equal(25, db.Scalar("""
            SELECT COUNT(*) FROM Villages v JOIN Townships t ON t.Id = v.TownshipId JOIN Counties c ON c.Id = t.CountyId
            WHERE c.Name = '蛟河市' AND v.ProvincialLevel = 1
            """));
        Assert.Equal(1_121, db.Scalar($"SELECT COUNT(*) FROM {JiaoheHouseholds} WHERE v.ProvincialLevel = 1"));
        Assert.Equal(2_412, db.Scalar($"SELECT SUM(h.MemberCount) FROM {JiaoheHouseholds} WHERE v.ProvincialLevel = 1"));
        Assert.Equal(2_412, db.Scalar($"SELECT COUNT(*) FROM {JiaohePersons} WHERE v.ProvincialLevel = 1"));
        // They are registered poor villages too (they are among the 1,489).
        Assert.Equal(25, db.Scalar("SELECT COUNT(*) FROM Villages v JOIN Counties c ON c.Id = v.CountyId WHERE c.Name = '蛟河市' AND v.ProvincialLevel = 1 AND v.Registered = 1"));
    }

    [Fact]
    public void Jiaohe_has_256_villages()
    {
        using var db = Open();
        // 001 第四章: 256个行政村.
        Assert.Equal(256, db.Scalar("""
            SELECT COUNT(*) FROM Villages v JOIN Townships t ON t.Id = v.TownshipId JOIN Counties c ON c.Id = t.CountyId
            WHERE c.Name = '蛟河市'
            """));
    }

    [Fact]
    public void Jiaohe_262_projects_by_category_with_budgets()
    {
        using var db = Open();
        // 001 第六章 (ProjectKind.Project = 1; ProjectCategory: Planting 1, Livestock 2, Processing 3, Photovoltaic 4,
        // RuralTourism 5, Education 7, Infrastructure 10): planting 63 / 0.54亿; livestock 6 / 0.1亿; processing 4 / 0.03亿;
        // photovoltaic 100 / 2.4亿; rural tourism 3 / 0.02亿; education 8 / 0.4亿; infrastructure 78 / 0.391亿.
        const string projects = "Projects p JOIN Counties c ON c.Id = p.CountyId AND c.Name = '蛟河市' WHERE p.Kind = 1";
        Assert.Equal(262, db.Scalar($"SELECT COUNT(*) FROM {projects}"));
        Assert.Equal(new Dictionary<string, long> { ["1"] = 63, ["2"] = 6, ["3"] = 4, ["4"] = 100, ["5"] = 3, ["7"] = 8, ["10"] = 78 },
            db.Pairs($"SELECT p.Category, COUNT(*) FROM {projects} GROUP BY p.Category"));
        Assert.Equal(new Dictionary<string, long>
            {
                ["1"] = 54_000_000, ["2"] = 10_000_000, ["3"] = 3_000_000, ["4"] = 240_000_000, ["5"] = 2_000_000, ["7"] = 40_000_000, ["10"] = 39_100_000,
            },
            db.Pairs($"SELECT p.Category, SUM(p.Budget) FROM {projects} GROUP BY p.Category"));
        // 3.881亿 in all (README: the categories with project counts).
        Assert.Equal(388_100_000, db.Scalar($"SELECT SUM(p.Budget) FROM {projects}"));
        // Each project is in one of Jiaohe's villages.
        Assert.Equal(0, db.Scalar($"""
            SELECT COUNT(*) FROM {projects} AND NOT EXISTS (
              SELECT 1 FROM Villages v JOIN Townships t ON t.Id = v.TownshipId WHERE v.Id = p.VillageId AND t.CountyId = p.CountyId)
            """));
        // Health assistance 0.3亿 and social security 0.82亿 are programmes without a project count (Kind = 2).
        Assert.Equal(new Dictionary<string, long> { ["8"] = 30_000_000, ["9"] = 82_000_000 },
            db.Pairs("""
                SELECT p.Category, SUM(p.Budget) FROM Projects p JOIN Counties c ON c.Id = p.CountyId AND c.Name = '蛟河市'
                WHERE p.Kind = 2 AND p.StartYear >= 2016 GROUP BY p.Category
                """));
    }

    [Fact]
    public void Jiaohe_funding_by_source_adds_to_500100000()
    {
        using var db = Open();
        // 001 第六章 资金来源: central fiscal 0.6亿, provincial fiscal 1.406亿, local fiscal 0.065亿, 金融机构贷款 2.24亿,
        // 企业（机构）自筹 0.69亿; total 5.001亿.
        const string allocations = """
            FundingAllocations a
            JOIN Projects p ON p.Id = a.ProjectId
            JOIN Counties c ON c.Id = p.CountyId AND c.Name = '蛟河市'
            JOIN FundingSources s ON s.Id = a.SourceId
            """;
        Assert.Equal(new Dictionary<string, long>
            {
                ["中央财政专项扶贫资金"] = 60_000_000, ["省级财政专项扶贫资金"] = 140_600_000, ["地方财政专项扶贫资金"] = 6_500_000,
                ["金融机构贷款"] = 224_000_000, ["企业（机构）自筹"] = 69_000_000,
            },
            db.Pairs($"SELECT s.Name, SUM(a.Amount) FROM {allocations} GROUP BY s.Name"));
        Assert.Equal(500_100_000, db.Scalar($"SELECT SUM(a.Amount) FROM {allocations}"));
        // Every planned yuan is funded exactly once: each funded project's allocations add up to its budget.
        Assert.Equal(0, db.Scalar("""
            SELECT COUNT(*) FROM Projects p JOIN Counties c ON c.Id = p.CountyId AND c.Name = '蛟河市'
            WHERE EXISTS (SELECT 1 FROM FundingAllocations a WHERE a.ProjectId = p.Id)
              AND p.Budget <> (SELECT SUM(a.Amount) FROM FundingAllocations a WHERE a.ProjectId = p.Id)
            """));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM FundingAllocations WHERE Amount <= 0"));
    }
}
