namespace PovertyGraph.Tests.Figures;

/// <summary>The province's published figures (000, Jilin's 13th Five-Year plan, Table 1 and chapter 2) through GraphQL, on the province-scale database.</summary>
[Collection(ProvinceCollection.Name)]
public sealed class ProvinceFiguresTests(ProvinceFactory factory)
{
    [Fact]
    public async Task Persons_households_and_exits()
    {
        var data = await factory.QueryAsync("""
            { households { aggregates { sum { memberCount } } groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) { keys { plannedExitYear } sum { memberCount } } }
              illness: households(where: {primaryCause: {eq: ILLNESS}}) { totalCount }
              relocated: households(where: {relocated: {eq: true}}) { aggregates { sum { memberCount } } }
              villages(where: {registered: {eq: true}}) { totalCount groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) { keys { plannedExitYear } count } } }
            """, token: Tokens.Official);
        Assert.Equal(700_739, (long)data["households"]!["aggregates"]!["sum"]!["memberCount"]!); // 2015: 70.0739万人
        var exits = data["households"]!["groupedAggregates"]!.AsArray().ToDictionary(g => (int)g!["keys"]!["plannedExitYear"]!, g => (long)g!["sum"]!["memberCount"]!);
        // 2017–2019 from Table 1; 2016 = 700,739 less those (seed-data/README.md).
        Assert.Equal(new Dictionary<int, long> { [2016] = 306_305, [2017] = 166_854, [2018] = 140_266, [2019] = 87_314 }, exits);
        Assert.Equal(268_500, (int)data["illness"]!["totalCount"]!); // 000 表1 因病致(返)贫 26.85万户, reproduced as primaryCause ILLNESS
        Assert.Equal(12_233, (long)data["relocated"]!["aggregates"]!["sum"]!["memberCount"]!); // 易地扶贫搬迁
        Assert.Equal(1489, (int)data["villages"]!["totalCount"]!);
        var villageExits = data["villages"]!["groupedAggregates"]!.AsArray().ToDictionary(g => (int)g!["keys"]!["plannedExitYear"]!, g => (int)g!["count"]!);
        Assert.Equal(new Dictionary<int, int> { [2017] = 663, [2018] = 511, [2019] = 315 }, villageExits);
    }

    [Fact]
    public async Task Jiaohe_inside_the_province_is_unchanged()
    {
        var data = await factory.QueryAsync("""{ households(where: {county: {name: {eq: "蛟河市"}}}) { aggregates { count sum { memberCount } } } }""", token: Tokens.Official);
        Assert.Equal(5832, (int)data["households"]!["aggregates"]!["count"]!);
        Assert.Equal(11609, (long)data["households"]!["aggregates"]!["sum"]!["memberCount"]!);
    }

    [Fact]
    public async Task Grouped_household_aggregate_county_by_cause_adds_up()
    {
        var data = await factory.QueryAsync("{ households { groupedAggregates(groupBy: [COUNTY, PRIMARY_CAUSE]) { keys { county { name } primaryCause } count sum { memberCount } } } }", token: Tokens.Official);
        var groups = data["households"]!["groupedAggregates"]!.AsArray();
        Assert.Equal(700_739, groups.Sum(g => (long)g!["sum"]!["memberCount"]!));
        Assert.Equal(268_500, groups.Where(g => g!["keys"]!["primaryCause"]!.ToString() == "ILLNESS").Sum(g => (int)g!["count"]!));
    }
}
