using System.Text.RegularExpressions;

namespace PovertyGraph.Tests.Data;

/// <summary>
/// What seed-data says about its sources, checked against shared/design/DATA.md and the documents (issue 15, item 5).
/// Expected values and places are read from the documents by hand, never from the files under test.
/// </summary>
public sealed class CorrectedSourcesTests
{
    private static readonly List<Dictionary<string, string>> Totals = SeedCsv.Read("published_totals.csv");
    private static readonly List<Dictionary<string, string>> Targets = SeedCsv.Read("plan_targets.csv");

    private static IEnumerable<Dictionary<string, string>> JiaoheTotals(string dimension) =>
        Totals.Where(r => r["scopeName"] == "蛟河市" && r["dimension"] == dimension);

    [Fact]
    public void Figures_printed_in_the_text_cite_the_text_paragraph_not_a_table()
    {
        // 001 第一章 三 prints households by type, labour capacity and cause, and the 25 villages' 1,121/2,412, in its
        // text; Tables 1-1 and 1-2 hold only townships and village names.
        string[] inText = ["TYPE", "HAS_LABOR_CAPACITY", "PRIMARY_CAUSE", "PROVINCIAL_VILLAGES"];
        foreach (var row in inText.SelectMany(JiaoheTotals))
        {
            Assert.StartsWith("第一章 三 正文", row["reference"]);
            Assert.DoesNotMatch("^表1-[12]", row["reference"]);
        }
        Assert.Equal(2 * 3 + 2 + 2 * 10 + 2, inText.SelectMany(JiaoheTotals).Count());
        foreach (var value in new[] { "1121", "2412" })
        {
            var target = Assert.Single(Targets, r => r["region"] == "蛟河市" && r["value"] == value);
            Assert.StartsWith("第一章 三 正文", target["reference"]);
        }
    }

    [Fact]
    public void The_illness_figure_is_poor_or_fallen_back_through_illness()
    {
        // 000 Table 1: 建档立卡贫困户因病致（返）贫户数 26.85万户 (base 2015). It counts returnees too.
        var total = Assert.Single(Totals, r => r["value"] == "268500");
        Assert.Contains("因病致（返）贫", total["reference"]);
        Assert.Contains("fallen back", total["reference"]);
        Assert.StartsWith("表1 ", total["reference"]);
        var target = Assert.Single(Targets, r => r["region"] == "吉林省" && r["value"] == "26.85");
        Assert.Equal("建档立卡贫困户因病致（返）贫户数", target["indicator"]);
        Assert.Equal("万户", target["unit"]);
        // Nowhere is the figure called plain 因病致贫 (the count of households whose primary cause is illness).
        foreach (var line in SeedAndDocLines().Where(l => l.Text.Contains("26.85") || l.Text.Contains("268500") || l.Text.Contains("268,500")))
            Assert.True(line.Text.Contains("（返）") || line.Text.Contains("(返)") || line.Text.Contains("fallen back"), $"{line.File}: {line.Text}");
    }

    [Fact]
    public void Table_3_1_is_in_person_times_and_adds_to_11606_against_11609()
    {
        var rows = Targets.Where(r => r["reference"].Contains("表3-1")).ToList();
        Assert.Equal(7, rows.Count); // six measures and 合计
        Assert.All(rows, r => Assert.Equal("人次", r["unit"]));
        Assert.All(rows, r => Assert.Contains("人次", r["reference"]));
        var total = Assert.Single(rows, r => r["indicator"].EndsWith("合计"));
        Assert.Equal("11609", total["value"]);
        Assert.Equal(11_606, rows.Where(r => r != total).Sum(r => int.Parse(r["value"])));
        Assert.Contains("11606", total["reference"]);
        // The generator's targets say person-times too.
        var measures = JiaoheTotals("PRIMARY_MEASURE").ToList();
        Assert.Equal(6, measures.Count);
        Assert.All(measures, r => Assert.Equal("PERSON_TIMES", r["measure"]));
        Assert.Equal(11_606, measures.Sum(r => int.Parse(r["value"])));
    }

    [Fact]
    public void A_year_the_document_does_not_print_is_listed_as_inferred()
    {
        // Table 3-1 prints no year.
        var table31 = Targets.Where(r => r["reference"].Contains("表3-1")).ToList();
        Assert.Equal(7, table31.Count); // six measures and 合计
        Assert.All(table31, r => Assert.Contains("year", SeedCsv.SyntheticFields(r)));
        // 000 Table 1: only 建档立卡年度脱贫人口, 建档立卡贫困村年度退出 and 贫困县摘帽 have readable 2017–2019 columns; the
        // other indicators print one target whose column cannot be read.
        string[] fullRows = ["建档立卡年度脱贫人口", "建档立卡贫困村年度退出", "贫困县摘帽"];
        var singleTargets = Targets.Where(r => r["reference"].StartsWith("表1 ") && r["source"] == "jl-plan-2016-2020"
                                              && !fullRows.Contains(r["indicator"]) && r["year"] is not ("2015" or "2020")).ToList();
        Assert.Equal(7, singleTargets.Count);
        Assert.All(singleTargets, r => Assert.Contains("year", SeedCsv.SyntheticFields(r)));
        // A base-period column (基期) names no year either.
        var baseCells = Targets.Where(r => r["reference"].Contains("基期")).ToList();
        Assert.NotEmpty(baseCells);
        Assert.All(baseCells, r => Assert.Contains("year", SeedCsv.SyntheticFields(r)));
        // A year that is printed is not flagged: 001's poverty line 2015–2020 (第二章 三（三）).
        var povertyLine = Targets.Where(r => r["indicator"].StartsWith("贫困人口脱贫标准")).ToList();
        Assert.Equal(6, povertyLine.Count); // 2015 to 2020
        Assert.All(povertyLine, r => Assert.DoesNotContain("year", SeedCsv.SyntheticFields(r)));
    }

    [Fact]
    public void Funding_sources_carry_the_documents_names()
    {
        // 001 第六章 一: 金融机构贷款 2.24亿, 企业（机构）自筹 0.69亿.
        var names = SeedCsv.Read("funding_sources.csv").Select(r => r["name"]).ToList();
        Assert.Contains("金融机构贷款", names);
        Assert.Contains("企业（机构）自筹", names);
        Assert.DoesNotContain("银行贷款", names);
        Assert.DoesNotContain("企业事业单位自筹", names);
        var sources = JiaoheTotals("SOURCE").ToDictionary(r => r["key"], r => long.Parse(r["value"]));
        Assert.Equal(224_000_000, sources["金融机构贷款"]);
        Assert.Equal(69_000_000, sources["企业（机构）自筹"]);
    }

    [Fact]
    public void The_2013_plan_targets_200_villages_and_its_annex_lists_210()
    {
        // 002 二、目标任务: 200个贫困村整村推进跃升; 附件3: 全省共210个.
        var plan = Targets.Where(r => r["source"] == "jl-2013-300k" && r["year"] == "2013" && r["unit"] == "个").ToList();
        var target = Assert.Single(plan, r => r["value"] == "200");
        Assert.Contains("整村推进", target["indicator"]);
        Assert.StartsWith("二、目标任务", target["reference"]);
        Assert.Single(plan, r => r["value"] == "210");
        Assert.Equal(210, SeedCsv.Read("villages.csv").Count(v => v["designations"].Contains("WHOLE_VILLAGE_ADVANCEMENT_2013")));
    }

    [Fact]
    public void The_six_national_key_counties_are_flagged_and_the_others_are_unknown()
    {
        // 000 第二章 专栏1（四）: 靖宇、大安、和龙、通榆、汪清、镇赉等国家扶贫开发工作重点县.
        var counties = SeedCsv.Read("counties.csv");
        var flagged = counties.Where(c => c["nationalKeyCounty"] == "true").Select(c => c["name"]).Order().ToList();
        Assert.Equal(new[] { "和龙市", "大安市", "汪清县", "通榆县", "靖宇县", "镇赉县" }.Order(), flagged);
        // The list ends in 等: no county is marked as not a key county.
        Assert.All(counties.Where(c => c["nationalKeyCounty"] != "true"), c => Assert.Equal("", c["nationalKeyCounty"]));
        Assert.All(counties.Where(c => c["nationalKeyCounty"] == "true"), c => Assert.Contains("等", c["reference"]));
    }

    // 000 names these counties in lists that end in 等 ("and others").
    public static TheoryData<string, string[]> OpenLists => new()
    {
        { "relocation sites (000 第四章 第二节)", ["通榆", "和龙", "临江", "安图", "抚松"] },
        { "photovoltaic projects and national key counties (000 专栏1（四）)", ["靖宇", "大安", "和龙", "通榆", "汪清", "镇赉"] },
    };

    [Theory]
    [MemberData(nameof(OpenLists))]
    public void A_list_that_ends_in_deng_is_never_presented_as_complete(string list, string[] counties)
    {
        // Any line (a CSV row, a README line, a schema description) that names the whole list, in the document's
        // order, says it is open.
        var sequence = new Regex(string.Join(@"[县市]?[、，,\s]*", counties));
        var lines = SeedAndDocLines().Where(l => sequence.IsMatch(l.Text)).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.True(line.Text.Contains('等') || line.Text.Contains("not exhaustive") || line.Text.Contains("not complete"),
                $"{list}: {line.File}: {line.Text}");
        }
    }

    /// <summary>Every line of the seed CSVs, seed-data/README.md, README.md and the schema.</summary>
    private static IEnumerable<(string File, string Text)> SeedAndDocLines()
    {
        var root = DataTestSupport.RepositoryRoot;
        var files = Directory.GetFiles(DataTestSupport.SeedDataPath, "*.csv")
            .Append(Path.Combine(DataTestSupport.SeedDataPath, "README.md"))
            .Append(Path.Combine(root, "README.md"))
            .Append(Path.Combine(root, "schema", "schema.graphql"));
        return files.SelectMany(f => File.ReadLines(f).Select(l => (Path.GetFileName(f), l)));
    }
}
