using System.Text.Json.Nodes;
using PovertyGraph.Tests.Attacks;
using static PovertyGraph.Tests.Attacks.AttackSupport;

namespace PovertyGraph.Tests.Api;

/// <summary>
/// The statistics rule as a user meets it: cells of the published dimensions are answered, each set of records with one
/// answer however it is named and whoever protected asks; other sets are refused for aggregates but not for rows or
/// totalCount; exact roles take any filter; and the published parameters describe what is applied. Counts are checked
/// against the database.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProtectedStatisticsTests(PovertyGraphFactory factory)
{
    private const string Figures = """
        aggregates { count suppressed sum { memberCount annualIncomePerCapita } avg { memberCount annualIncomePerCapita } }
        groupedAggregates(groupBy: [PRIMARY_CAUSE]) { keys { primaryCause } count suppressed sum { memberCount annualIncomePerCapita } }
        """;

    [Fact]
    public async Task Requests_that_cover_the_same_households_get_the_same_published_figures()
    {
        var registry = HouseholdRegistry.Load(factory);
        var county = registry.Villages[0];
        // The test database holds Jiaohe's households only: the county, its prefecture and the whole province are the same records.
        Assert.All(registry.Villages, v => Assert.Equal(county.CountyKey, v.CountyKey));
        var sameRecords = new object?[]
        {
            new { county = new { id = new { eq = county.CountyId } } },
            new { county = new { name = new { eq = "蛟河市" } } },
            new { prefecture = new { name = new { eq = "吉林市" } } },
            null,
            new { and = new object[] { new { province = new { name = new { eq = "吉林省" } } }, new { county = new { id = new { eq = county.CountyId } } } } },
        };
        var expected = await FiguresAsync(sameRecords[0]);
        foreach (var where in sameRecords.Skip(1)) Assert.Equal(expected, await FiguresAsync(where));
        // The county's cell of a grouping by county is the same cell.
        var grouped = await factory.QueryAsync("{ households { groupedAggregates(groupBy: [COUNTY, PRIMARY_CAUSE]) { keys { county { name } primaryCause } count suppressed sum { memberCount annualIncomePerCapita } } } }");
        Assert.Equal(Causes(JsonNode.Parse(expected)!["groupedAggregates"]), Causes(grouped["households"]!["groupedAggregates"]));

        // A village: by ID, by name, within its township, nested in its village row, as a group of its township, through a value
        // all its households share, and for a partner organisation outside its villages.
        var village = registry.Villages.Where(v => !registry.JiaohePartnerVillages.Contains(v.Key) && registry.Villages.Count(o => o.Name == v.Name) == 1)
            .OrderByDescending(v => registry.In(v).Count()).First();
        Assert.All(registry.In(village), h => Assert.False(h.Relocated));
        var byId = await FiguresAsync(new { village = new { id = new { eq = village.Id } } });
        Assert.True(registry.In(village).Count() >= 20);
        foreach (var where in new object[]
                 {
                     new { village = new { name = new { eq = village.Name } } },
                     new { township = new { id = new { eq = village.TownshipId } }, village = new { name = new { eq = village.Name } } },
                     new { village = new { id = new { eq = village.Id } }, relocated = new { eq = false } },
                 })
        {
            Assert.Equal(byId, await FiguresAsync(where));
        }

        Assert.Equal(byId, await FiguresAsync(new { village = new { id = new { eq = village.Id } } }, Tokens.Ngo()));
        var nested = await factory.QueryAsync($"query($v: ID!) {{ villages(where: {{ id: {{ eq: $v }} }}) {{ nodes {{ households {{ {Figures} }} }} }} }}", new { v = village.Id });
        Assert.Equal(byId, Text(nested["villages"]!["nodes"]![0]!["households"]));
        var township = await factory.QueryAsync("""
            query($t: ID!) { households(where: { township: { id: { eq: $t } } }) { groupedAggregates(groupBy: [VILLAGE]) { keys { village { id } } count suppressed sum { memberCount annualIncomePerCapita } } } }
            """, new { t = village.TownshipId });
        var cell = township["households"]!["groupedAggregates"]!.AsArray().Single(g => g!["keys"]!["village"]!["id"]!.ToString() == village.Id)!;
        var own = JsonNode.Parse(byId)!["aggregates"]!;
        Assert.Equal(Text(own["count"]), Text(cell["count"]));
        Assert.Equal(Text(own["sum"]), Text(cell["sum"]));
    }

    [Fact]
    public async Task A_partner_organisation_gets_protected_cells_in_its_own_villages_too()
    {
        var registry = HouseholdRegistry.Load(factory);
        var partners = registry.Villages.Where(v => registry.JiaohePartnerVillages.Contains(v.Key)).ToList();
        Assert.True(partners.Count >= 2);
        var partner = partners.OrderByDescending(v => registry.In(v).Count()).First();
        var where = new { village = new { id = new { eq = partner.Id } } };
        Assert.Equal(await FiguresAsync(where), await FiguresAsync(where, Tokens.Ngo()));
        var (_, body) = await factory.PostAsync($"query($w: HouseholdFilterInput) {{ households(where: $w) {{ {Figures} }} }}",
            new { w = new { village = new { id = new { @in = partners.Select(v => v.Id) } } } }, Tokens.Ngo());
        AssertRefused(200, body, "NGO aggregate over a list of its own villages");
        Assert.Equal("PROTECTED_STATISTICS", body["errors"]![0]!["extensions"]!["code"]!.ToString());
    }

    [Fact]
    public async Task Rows_totalCount_and_exact_roles_take_any_filter()
    {
        var registry = HouseholdRegistry.Load(factory);
        var names = registry.Villages.Take(3).Select(v => v.Name).ToList();
        var where = new { village = new { name = new { @in = names } }, memberCount = new { gt = 1 } };
        var exact = registry.Households.Count(h => names.Contains(registry.Villages.Single(v => v.Key == h.VillageKey).Name) && h.MemberCount > 1);
        var illness = registry.Households.Count(h => names.Contains(registry.Villages.Single(v => v.Key == h.VillageKey).Name) && h.MemberCount > 1 && h.PrimaryCause == "ILLNESS");
        Assert.True(exact > 10);

        var rows = await factory.QueryAsync("query($w: HouseholdFilterInput) { households(where: $w, first: 5) { totalCount nodes { id memberCount } } }", new { w = where });
        Assert.Equal(exact, (int)rows["households"]!["totalCount"]!);
        Assert.Equal(5, rows["households"]!["nodes"]!.AsArray().Count);
        var (_, refused) = await factory.PostAsync("query($w: HouseholdFilterInput) { households(where: $w) { totalCount aggregates { count } } }", new { w = where });
        AssertRefused(200, refused, "PUBLIC aggregate over a list of villages");
        var message = refused["errors"]![0]!["message"]!.ToString();
        Assert.Contains("'Household.memberCount' is not a published dimension", message);
        Assert.Contains("totalCount take any filter", message);

        foreach (var token in new[] { Tokens.Official, Tokens.Researcher })
        {
            var data = await factory.QueryAsync("query($w: HouseholdFilterInput) { households(where: $w) { aggregates { count } groupedAggregates(groupBy: [PRIMARY_CAUSE]) { keys { primaryCause } count } } }",
                new { w = where }, token);
            Assert.Equal(exact, (int)data["households"]!["aggregates"]!["count"]!);
            Assert.Equal(illness, (int)data["households"]!["groupedAggregates"]!.AsArray().Single(g => g!["keys"]!["primaryCause"]!.ToString() == "ILLNESS")!["count"]!);
        }

        // Person aggregates nested in a household: cells of that household by the persons' dimensions; totalCount takes any.
        var members = await factory.QueryAsync("{ households(first: 3) { nodes { memberCount members { aggregates { count } } women: members(where: { gender: { eq: FEMALE } }) { totalCount } } } }");
        Assert.Equal(3, members["households"]!["nodes"]!.AsArray().Count);
        var (_, persons) = await factory.PostAsync("{ households(first: 3) { nodes { members(where: { gender: { neq: FEMALE } }) { aggregates { count } } } } }");
        AssertRefused(200, persons, "PUBLIC person aggregate with a condition other than a cell");
        Assert.Contains("'Person.gender.neq' does not name one value", persons["errors"]![0]!["message"]!.ToString());
    }

    [Fact]
    public async Task The_published_parameters_describe_the_protection_applied()
    {
        var p = (await factory.QueryAsync("""
            { dataset { statisticsProtection { method protectedRoles protectedTypes minimumCellSize maximumCountNoise countNoise { value probability }
              countNoiseVariance maximumSumNoise noiseFixedPerCell minimumsAndMaximumsPublished cells } } }
            """))["dataset"]!["statisticsProtection"]!;
        Assert.Equal("cell-key", p["method"]!.ToString());
        Assert.Equal("""["PUBLIC","NGO"]""", Text(p["protectedRoles"]));
        Assert.Equal("""["Household","Person"]""", Text(p["protectedTypes"]));
        Assert.True((bool)p["noiseFixedPerCell"]! && !(bool)p["minimumsAndMaximumsPublished"]!);
        // The table the README describes: half the cells unchanged, ±1 for about a fifth each, ±2 for about a twentieth each.
        Assert.Equal("""[{"value":-2,"probability":0.05078125},{"value":-1,"probability":0.19921875},{"value":0,"probability":0.5},{"value":1,"probability":0.19921875},{"value":2,"probability":0.05078125}]""",
            Text(p["countNoise"]));
        Assert.Equal(2 * (1 * 51 + 4 * 13) / 256.0, (double)p["countNoiseVariance"]!, 9);
        int minimum = (int)p["minimumCellSize"]!, maximum = (int)p["maximumCountNoise"]!;
        Assert.Equal((5, 2, 2), (minimum, maximum, (int)p["maximumSumNoise"]!));

        // Every village cell: suppressed exactly below the minimum size, otherwise within the stated noise, about half unchanged.
        var registry = HouseholdRegistry.Load(factory);
        var exact = registry.Households.GroupBy(h => h.VillageKey).ToDictionary(g => HouseholdRegistry.VillageId(g.Key), g => g.Count());
        var cells = (await factory.QueryAsync("{ households { groupedAggregates(groupBy: [VILLAGE]) { keys { village { id } } count suppressed } } }"))["households"]!["groupedAggregates"]!.AsArray();
        Assert.Equal(exact.Count, cells.Count);
        var noise = new List<int>();
        foreach (var cell in cells.Select(c => c!))
        {
            var n = exact[cell["keys"]!["village"]!["id"]!.ToString()];
            Assert.Equal(n < minimum, (bool)cell["suppressed"]!);
            if (n >= minimum) noise.Add((int)cell["count"]! - n);
        }
        Assert.All(noise, d => Assert.InRange(d, -maximum, maximum));
        Assert.True(noise.Count > 200 && Math.Abs(noise.Count(d => d == 0) / (double)noise.Count - 0.5) < 0.15 && Math.Abs(noise.Average()) < 0.3,
            $"the noise of {noise.Count} village cells does not follow the published distribution: {string.Join(",", noise.GroupBy(d => d).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}");
    }

    private async Task<string> FiguresAsync(object? where, string? token = null)
    {
        var data = await factory.QueryAsync($"query($w: HouseholdFilterInput) {{ households(where: $w) {{ {Figures} }} }}", new { w = where }, token);
        return Text(data["households"]);
    }

    /// <summary>Cause cells as text, without the county key a grouping by county adds.</summary>
    private static string Causes(JsonNode? groups) => string.Join("\n", groups!.AsArray().Select(g =>
        $"{g!["keys"]!["primaryCause"]}|{g["count"]}|{g["suppressed"]}|{Text(g["sum"])}"));
}
