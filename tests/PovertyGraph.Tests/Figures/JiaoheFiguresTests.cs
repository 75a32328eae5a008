namespace PovertyGraph.Tests.Figures;

/// <summary>
/// Jiaohe's published figures (001, the Jiaohe 13th Five-Year poverty plan), reproduced through GraphQL
/// alone, as an OFFICIAL caller (exact statistics). Expected values are the document's, not the code's.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JiaoheFiguresTests(PovertyGraphFactory factory)
{
    private const string Jiaohe = """{county: {name: {eq: "蛟河市"}}}""";

    private async Task<Dictionary<string, (int? Households, long? Persons)>> Groups(string dimension, string key)
    {
        var data = await factory.QueryAsync($"{{ households(where: {Jiaohe}) {{ groupedAggregates(groupBy: [{dimension}], includeNullKeys: true) {{ keys {{ {key} }} count sum {{ memberCount }} }} }} }}", token: Tokens.Official);
        return data["households"]!["groupedAggregates"]!.AsArray().ToDictionary(
            g => g!["keys"]![key.Split(' ')[0]] is { } k ? (k.GetValueKind() == System.Text.Json.JsonValueKind.Object ? k["name"]!.ToString() : k.ToString()) : "null",
            g => ((int?)g!["count"], (long?)g["sum"]!["memberCount"]));
    }

    [Fact]
    public async Task Households_and_persons() // 001 ch.1: 5,832 households, 11,609 persons
    {
        var data = await factory.QueryAsync($"{{ households(where: {Jiaohe}) {{ totalCount aggregates {{ count sum {{ memberCount }} }} }} }}", token: Tokens.Official);
        Assert.Equal(5832, (int)data["households"]!["totalCount"]!);
        Assert.Equal(5832, (int)data["households"]!["aggregates"]!["count"]!);
        Assert.Equal(11609, (long)data["households"]!["aggregates"]!["sum"]!["memberCount"]!);
    }

    [Fact]
    public async Task By_township() // 001 Table 1-1
    {
        var expected = new Dictionary<string, (int?, long?)>
        {
            ["漂河镇"] = (271, 567), ["白石山镇"] = (583, 953), ["庆岭镇"] = (582, 1538), ["天岗镇"] = (611, 1086),
            ["新站镇"] = (544, 1053), ["松江镇"] = (522, 1260), ["天北镇"] = (725, 1501), ["黄松甸镇"] = (367, 745),
            ["乌林乡"] = (252, 445), ["前进乡"] = (348, 572), ["河南街"] = (309, 540), ["拉法街"] = (378, 716),
            ["新农街"] = (184, 353), ["奶子山街"] = (141, 253), ["民主街"] = (11, 23), ["长安街"] = (4, 4),
        };
        Assert.Equal(expected, await Groups("TOWNSHIP", "township { name }"));
    }

    [Fact]
    public async Task By_type() // 001 ch.1: 低保户 3,560/7,260, 五保户 566/687, 一般户 1,706/3,662
    {
        Assert.Equal(new Dictionary<string, (int?, long?)>
        {
            ["LOW_INCOME_GUARANTEE"] = (3560, 7260), ["FIVE_GUARANTEES"] = (566, 687), ["GENERAL"] = (1706, 3662),
        }, await Groups("TYPE", "type"));
    }

    [Fact]
    public async Task By_cause() // 001 第一章 三 text after Table 1-2, causes
    {
        Assert.Equal(new Dictionary<string, (int?, long?)>
        {
            ["ILLNESS"] = (4045, 8133), ["DISABILITY"] = (981, 1730), ["EDUCATION"] = (73, 203), ["DISASTER"] = (8, 16),
            ["LACK_OF_LAND"] = (112, 258), ["LACK_OF_SKILLS"] = (257, 408), ["LACK_OF_LABOR"] = (79, 153),
            ["LACK_OF_CAPITAL"] = (49, 93), ["LACK_OF_MOTIVATION"] = (76, 163), ["OTHER"] = (152, 452),
        }, await Groups("PRIMARY_CAUSE", "primaryCause"));
    }

    [Fact]
    public async Task By_measure_in_persons() // 001 Table 3-1 (人次, person-times, one person each here): rows add to 11,606; the table's total says 11,609
    {
        var groups = await Groups("PRIMARY_MEASURE", "primaryMeasure");
        Assert.Equal(4415, groups["PRODUCTION"].Persons);
        Assert.Equal(89, groups["EDUCATION"].Persons);
        Assert.Equal(1159, groups["HEALTH"].Persons);
        Assert.Equal(5943, groups["SOCIAL_SECURITY"].Persons);
        Assert.False(groups.ContainsKey("ECOLOGY"));
        Assert.False(groups.ContainsKey("CASE_BY_CASE"));
        Assert.Equal(11609 - 11606, groups["null"].Persons);
    }

    [Fact]
    public async Task By_exit_year_in_persons() // 001 Table 2-1: 2016 6,000; 2017 5,609
    {
        var groups = await Groups("PLANNED_EXIT_YEAR", "plannedExitYear");
        Assert.Equal(6000, groups["2016"].Persons);
        Assert.Equal(5609, groups["2017"].Persons);
        Assert.Equal(2, groups.Count);
    }

    [Fact]
    public async Task Labour_capacity() // 001 ch.1: 有劳户 1,732 households, 2,614 persons
    {
        var groups = await Groups("HAS_LABOR_CAPACITY", "hasLaborCapacity");
        Assert.Equal((1732, 2614), groups["true"]);
    }

    [Fact]
    public async Task Provincial_poor_villages() // 001 ch.1 and Table 1-2: 25 villages, 1,121 households, 2,412 persons
    {
        var data = await factory.QueryAsync("""
            { villages(where: {county: {name: {eq: "蛟河市"}}, provincialLevel: {eq: true}}) { totalCount }
              households(where: {village: {county: {name: {eq: "蛟河市"}}, provincialLevel: {eq: true}}}) { aggregates { count sum { memberCount } } }
              all: villages(where: {county: {name: {eq: "蛟河市"}}}) { totalCount } }
            """, token: Tokens.Official);
        Assert.Equal(25, (int)data["villages"]!["totalCount"]!);
        Assert.Equal(1121, (int)data["households"]!["aggregates"]!["count"]!);
        Assert.Equal(2412, (long)data["households"]!["aggregates"]!["sum"]!["memberCount"]!);
        Assert.Equal(256, (int)data["all"]!["totalCount"]!); // 001 ch.4: 256 administrative villages
    }

    [Fact]
    public async Task Projects_by_category_with_amounts() // 001 ch.6: 262 projects
    {
        var data = await factory.QueryAsync($"{{ projects(where: {{county: {{name: {{eq: \"蛟河市\"}}}}, kind: {{eq: PROJECT}}}}) {{ totalCount aggregates {{ sum {{ budget }} }} groupedAggregates(groupBy: [CATEGORY]) {{ keys {{ category }} count sum {{ budget }} }} }} }}");
        var projects = data["projects"]!;
        Assert.Equal(262, (int)projects["totalCount"]!);
        Assert.Equal(388_100_000m, (decimal)projects["aggregates"]!["sum"]!["budget"]!);
        var groups = projects["groupedAggregates"]!.AsArray().ToDictionary(g => g!["keys"]!["category"]!.ToString(), g => ((int)g!["count"]!, (decimal)g["sum"]!["budget"]!));
        Assert.Equal(new Dictionary<string, (int, decimal)>
        {
            ["PLANTING"] = (63, 54_000_000), ["LIVESTOCK"] = (6, 10_000_000), ["PROCESSING"] = (4, 3_000_000),
            ["PHOTOVOLTAIC"] = (100, 240_000_000), ["RURAL_TOURISM"] = (3, 2_000_000), ["EDUCATION"] = (8, 40_000_000),
            ["INFRASTRUCTURE"] = (78, 39_100_000),
        }, groups);
    }

    [Fact]
    public async Task Programmes_without_project_count() // 001 ch.6: health 0.3亿, social security 0.82亿
    {
        var data = await factory.QueryAsync("""{ projects(where: {county: {name: {eq: "蛟河市"}}, kind: {eq: PROGRAMME}, startYear: {gte: 2016}}) { nodes { category budget } } }""");
        var rows = data["projects"]!["nodes"]!.AsArray().ToDictionary(n => n!["category"]!.ToString(), n => (decimal)n!["budget"]!);
        Assert.Equal(new Dictionary<string, decimal> { ["HEALTH"] = 30_000_000, ["SOCIAL_SECURITY"] = 82_000_000 }, rows);
    }

    [Fact]
    public async Task Funding_by_source_and_level() // 001 ch.6: total 5.001亿 by source
    {
        var data = await factory.QueryAsync("""
            { fundingAllocations(where: {project: {county: {name: {eq: "蛟河市"}}}}) {
                aggregates { sum { amount } }
                bySource: groupedAggregates(groupBy: [SOURCE]) { keys { source { name } } sum { amount } }
                byLevel: groupedAggregates(groupBy: [SOURCE_LEVEL]) { keys { sourceLevel } sum { amount } } } }
            """);
        var allocations = data["fundingAllocations"]!;
        Assert.Equal(500_100_000m, (decimal)allocations["aggregates"]!["sum"]!["amount"]!);
        var bySource = allocations["bySource"]!.AsArray().ToDictionary(g => g!["keys"]!["source"]!["name"]!.ToString(), g => (decimal)g!["sum"]!["amount"]!);
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["中央财政专项扶贫资金"] = 60_000_000, ["省级财政专项扶贫资金"] = 140_600_000, ["地方财政专项扶贫资金"] = 6_500_000,
            ["金融机构贷款"] = 224_000_000, ["企业（机构）自筹"] = 69_000_000,
        }, bySource);
        var byLevel = allocations["byLevel"]!.AsArray().ToDictionary(g => g!["keys"]!["sourceLevel"]!.ToString(), g => (decimal)g!["sum"]!["amount"]!);
        Assert.Equal(207_100_000m, byLevel["CENTRAL"] + byLevel["PROVINCIAL"] + byLevel["COUNTY"]); // fiscal 2.071亿
    }

    [Fact]
    public async Task Province_2012_fiscal_funds() // 003: 6.8亿 of which central 5.7亿, provincial 1.07亿
    {
        var data = await factory.QueryAsync("""
            { projects(where: {startYear: {eq: 2012}, name: {startsWith: "2012年财政专项扶贫资金"}}) { nodes { budget
                allocations { nodes { amount source { level } } } } } }
            """);
        var programme = data["projects"]!["nodes"]![0]!;
        Assert.Equal(680_000_000m, (decimal)programme["budget"]!);
        var parts = programme["allocations"]!["nodes"]!.AsArray().ToDictionary(a => a!["source"]!["level"]!.ToString(), a => (decimal)a!["amount"]!);
        Assert.Equal(570_000_000m, parts["CENTRAL"]);
        Assert.Equal(107_000_000m, parts["PROVINCIAL"]);
    }

    [Fact]
    public async Task Registered_villages_and_exits() // 000 Table 1: 1,489 villages; exits 2017 663, 2018 511, 2019 315
    {
        var data = await factory.QueryAsync("{ villages(where: {registered: {eq: true}}) { totalCount groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) { keys { plannedExitYear } count } } }");
        Assert.Equal(1489, (int)data["villages"]!["totalCount"]!);
        var exits = data["villages"]!["groupedAggregates"]!.AsArray().ToDictionary(g => (int)g!["keys"]!["plannedExitYear"]!, g => (int)g!["count"]!);
        Assert.Equal(new Dictionary<int, int> { [2017] = 663, [2018] = 511, [2019] = 315 }, exits);
    }

    [Fact]
    public async Task Annex_villages_by_prefecture() // 002 Annex 3: 210 villages
    {
        var data = await factory.QueryAsync("{ villages(where: {designations: {contains: \"WHOLE_VILLAGE_ADVANCEMENT_2013\"}}) { totalCount groupedAggregates(groupBy: [PREFECTURE]) { keys { prefecture { name } } count } } }");
        Assert.Equal(210, (int)data["villages"]!["totalCount"]!);
        var byPrefecture = data["villages"]!["groupedAggregates"]!.AsArray().ToDictionary(g => g!["keys"]!["prefecture"]!["name"]!.ToString(), g => (int)g!["count"]!);
        Assert.Equal(new Dictionary<string, int>
        {
            ["长春市"] = 17, ["吉林市"] = 17, ["四平市"] = 13, ["辽源市"] = 6, ["通化市"] = 13, ["白山市"] = 22,
            ["松原市"] = 12, ["白城市"] = 44, ["延边朝鲜族自治州"] = 66,
        }, byPrefecture);
    }

    [Fact]
    public async Task Contiguous_area_counties() // 003: 7 west, 8 east; 3 in the national 大兴安岭南麓 area
    {
        var data = await factory.QueryAsync("""
            { counties(where: {contiguousArea: {neq: null}}) { totalCount groupedAggregates(groupBy: [CONTIGUOUS_AREA]) { keys { contiguousArea } count } }
              national: counties(where: {nationalContiguousArea: {eq: "大兴安岭南麓"}}, order: [{name: ASC}]) { nodes { name } } }
            """);
        Assert.Equal(15, (int)data["counties"]!["totalCount"]!);
        var areas = data["counties"]!["groupedAggregates"]!.AsArray().ToDictionary(g => g!["keys"]!["contiguousArea"]!.ToString(), g => (int)g!["count"]!);
        Assert.Equal(7, areas["WEST_ARID_SALINE"]);
        Assert.Equal(8, areas["EAST_ALPINE_MOUNTAIN"]);
        Assert.Equal(["大安市", "通榆县", "镇赉县"], data["national"]!["nodes"]!.AsArray().Select(n => n!["name"]!.ToString()).Order(StringComparer.Ordinal));
    }
}
