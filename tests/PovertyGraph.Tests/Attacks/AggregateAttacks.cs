using System.Text.Json.Nodes;
using PovertyGraph.Tests.Infrastructure;
using static PovertyGraph.Tests.Attacks.AttackSupport;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// Protected statistics under attack by a PUBLIC caller: small cells, minimums and maximums, and differencing
/// two overlapping queries to isolate one household. OFFICIAL's exact figures are the ground truth.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AggregateAttacks(PovertyGraphFactory factory)
{
    private const string GroupFields = "keys { primaryCause } count suppressed sum { annualIncomePerCapita memberCount } avg { annualIncomePerCapita memberCount }";

    /// <summary>
    /// groupBy PRIMARY_CAUSE over a single household: the cell is suppressed, but its key must not tell which cause
    /// the household has (that is exactly the value PUBLIC may not see).
    /// </summary>
    [Fact]
    public async Task Suppressed_cell_keys_do_not_reveal_one_households_primary_cause()
    {
        var truth = await TruthAsync(factory);
        var revealed = new List<string>();
        foreach (var h in truth.Big.Households.Take(5))
        {
            var (_, body) = await factory.PostAsync("""
                query($id: ID!) { households(where: { id: { eq: $id } }) { groupedAggregates(groupBy: [PRIMARY_CAUSE]) { keys { primaryCause } count suppressed } } }
                """, new { id = h.Id });
            var groups = body["data"]?["households"]?["groupedAggregates"]?.AsArray() ?? [];
            var keys = groups.Select(g => g!["keys"]!["primaryCause"]?.ToString()).Where(k => k != null).ToList();
            if (keys.Count == 1 && keys[0] == h.PrimaryCause)
                revealed.Add($"{h.Id}: primaryCause {h.PrimaryCause} in {Text(body)}");
        }
        Assert.True(revealed.Count == 0,
            "LEAK: PUBLIC learns a single household's hidden primaryCause from the key of its suppressed cell " +
            "(households(where: {id: {eq: $id}}) { groupedAggregates(groupBy: [PRIMARY_CAUSE]) { keys { primaryCause } suppressed } }):\n" + string.Join("\n", revealed));
    }

    /// <summary>The same with more dimensions over a whole village: every small cell's keys would describe a handful of households.</summary>
    [Fact]
    public async Task Small_cells_across_several_dimensions_are_suppressed_with_null_values()
    {
        var truth = await TruthAsync(factory);
        const string query = """
            query($v: ID!) { households(where: { village: { id: { eq: $v } } }) { groupedAggregates(groupBy: [TYPE, HAS_LABOR_CAPACITY, REGISTERED_YEAR]) {
              keys { type hasLaborCapacity registeredYear } count suppressed sum { annualIncomePerCapita memberCount } avg { annualIncomePerCapita } min { annualIncomePerCapita memberCount } max { annualIncomePerCapita memberCount } } } }
            """;
        var exact = (await factory.QueryAsync(query, new { v = truth.Big.Id }, Tokens.Official))["households"]!["groupedAggregates"]!.AsArray();
        var published = (await factory.QueryAsync(query, new { v = truth.Big.Id }))["households"]!["groupedAggregates"]!.AsArray();
        Assert.Equal(exact.Count, published.Count);
        for (var i = 0; i < exact.Count; i++)
        {
            Assert.Equal(Text(exact[i]!["keys"]), Text(published[i]!["keys"]));
            var small = (int)exact[i]!["count"]! < 5;
            Assert.Equal(small, (bool)published[i]!["suppressed"]!);
            if (small)
                foreach (var (name, value) in Properties(published[i]).Where(p => p.Name is not ("type" or "hasLaborCapacity" or "registeredYear" or "suppressed")))
                    Assert.True(value == null, $"LEAK: suppressed cell publishes {name} = {value}: {Text(published[i])}");
        }
    }

    [Fact]
    public async Task Minimums_and_maximums_are_never_published_to_public()
    {
        var truth = await TruthAsync(factory);
        var (_, body) = await factory.PostAsync("""
            query($v: ID!) {
              all: households { aggregates { min { annualIncomePerCapita memberCount registeredYear plannedExitYear } max { annualIncomePerCapita memberCount registeredYear plannedExitYear } } }
              village: households(where: { village: { id: { eq: $v } } }) { aggregates { min { annualIncomePerCapita memberCount } max { annualIncomePerCapita memberCount } } }
              grouped: households { groupedAggregates(groupBy: [COUNTY, TYPE]) { min { annualIncomePerCapita memberCount } max { annualIncomePerCapita memberCount } } }
              nested: villages(where: { id: { eq: $v } }) { nodes { households { aggregates { min { annualIncomePerCapita memberCount } max { annualIncomePerCapita memberCount } } } } }
            }
            """, new { v = truth.Big.Id });
        Assert.Null(body["errors"]);
        foreach (var (name, value) in Properties(body["data"]))
            Assert.True(value == null, $"LEAK: PUBLIC got a minimum/maximum {name} = {value}: {Shorten(Text(body))}");
    }

    [Fact]
    public async Task A_single_household_cell_publishes_no_sum_or_average()
    {
        var truth = await TruthAsync(factory);
        foreach (var h in truth.Big.Households.Take(3))
        {
            var (_, body) = await factory.PostAsync("""
                query($id: ID!) { households(where: { id: { eq: $id } }) { aggregates { suppressed sum { annualIncomePerCapita memberCount } avg { annualIncomePerCapita memberCount } } } }
                """, new { id = h.Id });
            // Either refused outright (protected aggregates cannot be cut around row IDs) or suppressed.
            if (body["data"] is null)
            {
                Assert.Contains("cannot be restricted by row IDs", Text(body));
                continue;
            }
            var agg = body["data"]!["households"]!["aggregates"]!;
            Assert.True((bool)agg["suppressed"]!);
            foreach (var (name, value) in Properties(agg).Where(p => p.Name != "suppressed"))
                Assert.True(value == null, $"LEAK: one household's {name} = {value}");
        }
    }

    /// <summary>
    /// Differencing: a village grouped by PRIMARY_CAUSE, with and without one household (id neq). Every cell that
    /// does not contain the household keeps its records, so its published value stays the same; if exactly the
    /// household's own cell changes, the attacker has learnt its hidden primaryCause.
    /// </summary>
    [Fact]
    public async Task Differencing_a_village_with_and_without_one_household_does_not_reveal_its_primary_cause()
    {
        var truth = await TruthAsync(factory);
        var revealed = new List<string>();
        var tried = truth.Big.Households.Take(6).ToList();
        foreach (var h in tried)
        {
            var with = await GroupsAsync(new { village = new { id = new { eq = truth.Big.Id } } });
            var without = await GroupsAsync(new { village = new { id = new { eq = truth.Big.Id } }, id = new { neq = h.Id } });
            var changed = with.Keys.Union(without.Keys).Where(k => !with.TryGetValue(k, out var a) || !without.TryGetValue(k, out var b) || a != b).ToList();
            if (without.Count > 0 && changed.Count == 1 && changed[0] == h.PrimaryCause)
                revealed.Add($"{h.Id}: only the {h.PrimaryCause} cell changed ({(with.TryGetValue(h.PrimaryCause!, out var x) ? x : "-")} → {(without.TryGetValue(h.PrimaryCause!, out var y) ? y : "-")})");
        }
        Assert.True(revealed.Count == 0,
            $"LEAK: differencing groupedAggregates(groupBy: [PRIMARY_CAUSE]) over village {truth.Big.Id} with and without where: {{id: {{neq: $household}}}} " +
            $"pinpoints the household's hidden primaryCause for {revealed.Count} of {tried.Count} households:\n" + string.Join("\n", revealed));
    }

    /// <summary>Cells by key; a refused request (row-ID restriction) and suppressed cells without a key give nothing to compare.</summary>
    private async Task<Dictionary<string, string>> GroupsAsync(object where)
    {
        var (_, body) = await factory.PostAsync($"query($w: HouseholdFilterInput) {{ households(where: $w) {{ groupedAggregates(groupBy: [PRIMARY_CAUSE]) {{ {GroupFields} }} }} }}", new { w = where });
        if (body["data"] is null) return [];
        return body["data"]!["households"]!["groupedAggregates"]!.AsArray()
            .Where(g => g!["keys"]!["primaryCause"] != null)
            .ToDictionary(g => g!["keys"]!["primaryCause"]!.ToString(), g => Text(g));
    }

    /// <summary>
    /// Differencing sums: the published sum and average of annualIncomePerCapita, with the exact row count that
    /// totalCount gives, must not pin down the exact sum; otherwise a village with and without one household gives
    /// that household's hidden income.
    /// </summary>
    [Fact]
    public async Task Differencing_sums_does_not_reveal_one_households_income()
    {
        var truth = await TruthAsync(factory);
        var revealed = new List<string>();
        var scopes = new (string Name, object Where)[]
        {
            ("village", new { village = new { id = new { eq = truth.Big.Id } } }),
            ("township", new { township = new { id = new { eq = truth.Big.TownshipId } } }),
        };
        var tried = 0;
        foreach (var (scope, where) in scopes)
            foreach (var h in truth.Big.Households.Take(4))
            {
                tried++;
                var a = await ExactSumAsync(where);
                var b = await ExactSumAsync(new { and = new[] { where, new { id = new { neq = h.Id } } } });
                if (a != null && b != null && a - b == h.Income)
                    revealed.Add($"{h.Id} ({scope}): {a} - {b} = {a - b} = its annualIncomePerCapita");
            }
        Assert.True(revealed.Count == 0,
            "LEAK: PUBLIC recovers exact sums of the hidden annualIncomePerCapita (published count + sum + avg, with the exact totalCount, admit a single value), " +
            $"so a cell with and without one household gives that household's income — {revealed.Count} of {tried} attempts:\n" + string.Join("\n", revealed));
    }

    private async Task<long?> ExactSumAsync(object where)
    {
        var (_, body) = await factory.PostAsync("""
            query($w: HouseholdFilterInput) { households(where: $w) { totalCount aggregates { count sum { annualIncomePerCapita } avg { annualIncomePerCapita } } } }
            """, new { w = where });
        if (body["data"] is null) return null; // refused: nothing to difference
        var c = body["data"]!["households"]!;
        return ExactSumFrom((int)c["totalCount"]!, (int)c["aggregates"]!["count"]!, (decimal?)c["aggregates"]!["sum"]!["annualIncomePerCapita"],
            (double?)c["aggregates"]!["avg"]!["annualIncomePerCapita"]);
    }

    /// <summary>The noise is there (some published counts differ from the exact ones) and bounded (by ±2).</summary>
    [Fact]
    public async Task Published_counts_and_sums_are_perturbed_within_bounds()
    {
        const string query = "{ households { groupedAggregates(groupBy: [VILLAGE]) { keys { village { id } } count suppressed sum { memberCount annualIncomePerCapita } } } }";
        var exact = (await factory.QueryAsync(query, token: Tokens.Official))["households"]!["groupedAggregates"]!.AsArray();
        var published = (await factory.QueryAsync(query))["households"]!["groupedAggregates"]!.AsArray();
        Assert.Equal(exact.Count, published.Count);
        int countsChanged = 0, sumsChanged = 0;
        for (var i = 0; i < exact.Count; i++)
        {
            Assert.Equal(Text(exact[i]!["keys"]), Text(published[i]!["keys"]));
            if ((bool)published[i]!["suppressed"]!) continue;
            int n = (int)exact[i]!["count"]!, pn = (int)published[i]!["count"]!;
            Assert.InRange(pn - n, -2, 2);
            countsChanged += pn != n ? 1 : 0;
            long s = (long)exact[i]!["sum"]!["memberCount"]!, ps = (long)published[i]!["sum"]!["memberCount"]!;
            Assert.InRange(Math.Abs(ps - s), 0, 2 * (long)Math.Ceiling((double)s / n));
            sumsChanged += ps != s ? 1 : 0;
        }
        Assert.True(countsChanged > 0, "no published count differs from the exact one: the counts are not perturbed");
        Assert.True(sumsChanged > 0, "no published sum differs from the exact one: the sums are not perturbed");
    }

    [Fact]
    public async Task The_same_cell_gets_the_same_answer_and_an_empty_cell_stays_empty()
    {
        var truth = await TruthAsync(factory);
        var query = $$"""
            query($v: ID!) { households(where: { village: { id: { eq: $v } } }) { aggregates { count sum { annualIncomePerCapita } avg { annualIncomePerCapita } }
              groupedAggregates(groupBy: [PRIMARY_CAUSE, TYPE]) { keys { primaryCause type } count suppressed sum { annualIncomePerCapita } } } }
            """;
        var first = Text(await factory.QueryAsync(query, new { v = truth.Big.Id }));
        var second = Text(await factory.QueryAsync(query, new { v = truth.Big.Id }));
        Assert.Equal(first, second);
        // The same cell reached by another filter (the village within its township) is the same answer.
        var other = await factory.QueryAsync("""
            query($v: ID!, $t: ID!) { households(where: { and: [{ township: { id: { eq: $t } } }, { village: { id: { eq: $v } } }] }) { aggregates { count sum { annualIncomePerCapita } avg { annualIncomePerCapita } } } }
            """, new { v = truth.Big.Id, t = truth.Big.TownshipId });
        Assert.Equal(Text(JsonNode.Parse(first)!["households"]!["aggregates"]), Text(other["households"]!["aggregates"]));

        var empty = await factory.QueryAsync("""
            query($v: ID!) { households(where: { village: { id: { eq: $v } }, registeredYear: { eq: 1900 } }) { totalCount
              aggregates { count suppressed sum { annualIncomePerCapita memberCount } avg { annualIncomePerCapita } }
              groupedAggregates(groupBy: [PRIMARY_CAUSE]) { count } } }
            """, new { v = truth.Big.Id });
        var c = empty["households"]!;
        Assert.Equal(0, (int)c["totalCount"]!);
        Assert.Equal(0, (int)c["aggregates"]!["count"]!);
        Assert.Null(c["aggregates"]!["sum"]!["annualIncomePerCapita"]);
        Assert.Null(c["aggregates"]!["sum"]!["memberCount"]);
        Assert.Empty(c["groupedAggregates"]!.AsArray());
    }
    /// <summary>
    /// Protected figures must stay protected: from the published count, sums and averages of a PRIMARY_CAUSE cell
    /// (a hidden dimension, so its size is not known otherwise), PUBLIC must not be able to compute the exact count
    /// and sums that only RESEARCHER, OFFICIAL and ADMIN get.
    /// </summary>
    [Fact]
    public async Task Published_cells_cannot_be_denoised_to_the_exact_figures()
    {
        const string query = """
            { households { groupedAggregates(groupBy: [TOWNSHIP, PRIMARY_CAUSE]) { keys { township { id } primaryCause } count suppressed
              sum { memberCount annualIncomePerCapita } avg { memberCount annualIncomePerCapita } } } }
            """;
        var exactByKey = (await factory.QueryAsync(query, token: Tokens.Official))["households"]!["groupedAggregates"]!.AsArray()
            .ToDictionary(g => Text(g!["keys"]), g => g!);
        var published = (await factory.QueryAsync(query))["households"]!["groupedAggregates"]!.AsArray();
        var recovered = new List<string>();
        var perturbed = 0;
        var wrong = 0;
        foreach (var p in published.Select(g => g!))
        {
            if ((bool)p["suppressed"]!) continue;
            var e = exactByKey[Text(p["keys"])];
            if ((int)p["count"]! != (int)e["count"]! || Text(p["sum"]) != Text(e["sum"])) perturbed++;
            var cell = ExactCellFrom((int)p["count"]!, (long)p["sum"]!["memberCount"]!, (double)p["avg"]!["memberCount"]!,
                (long)(decimal)p["sum"]!["annualIncomePerCapita"]!, (double)p["avg"]!["annualIncomePerCapita"]!);
            if (cell is var (n, members, income) && n == (int)e["count"]! && members == (long)e["sum"]!["memberCount"]! && income == (long)(decimal)e["sum"]!["annualIncomePerCapita"]!)
                recovered.Add($"{Text(p["keys"])}: published count {p["count"]}, sum {Text(p["sum"])} → exact count {n}, sums {members}, {income}");
            else if (cell != null) wrong++;
        }
        Assert.True(perturbed > 0, "nothing is perturbed");
        Assert.True(recovered.Count == 0,
            $"LEAK: PUBLIC strips the noise from {recovered.Count} of {published.Count(g => !(bool)g!["suppressed"]!)} protected cells ({wrong} wrong answers) " +
            "(the published average is the exact average rescaled by (n + sumNoise) / (n + countNoise), so count, sum and avg together admit one solution):\n"
            + string.Join("\n", recovered.Take(10)));
    }

    /// <summary>Protected aggregates cannot be cut around individual rows by ID, directly or through and/or or relations.</summary>
    [Theory]
    [InlineData("{ id: { neq: $h } }")]
    [InlineData("{ id: { in: [$h] } }")]
    [InlineData("{ or: [{ type: { eq: GENERAL } }, { id: { eq: $h } }] }")]
    [InlineData("{ and: [{ village: { id: { eq: $v } } }, { id: { nin: [$h] } }] }")]
    public async Task Protected_aggregates_refuse_row_id_restrictions(string where)
    {
        var truth = await TruthAsync(factory);
        var h = truth.Big.Households[0];
        var (_, body) = await factory.PostAsync($"query($h: ID!, $v: ID!) {{ households(where: {where}) {{ aggregates {{ count sum {{ annualIncomePerCapita }} }} }} v: villages(where: {{ id: {{ eq: $v }} }}) {{ totalCount }} }}",
            new { h = h.Id, v = truth.Big.Id });
        Assert.Null(body["data"]?["households"]);
        Assert.Contains("cannot be restricted by row IDs", Text(body));
        // The same restriction is fine for a role with exact statistics, and for listing rows.
        var official = await factory.QueryAsync($"query($h: ID!, $v: ID!) {{ households(where: {where}) {{ aggregates {{ count }} }} v: villages(where: {{ id: {{ eq: $v }} }}) {{ totalCount }} }}", new { h = h.Id, v = truth.Big.Id }, Tokens.Official);
        Assert.True((int)official["households"]!["aggregates"]!["count"]! > 0);
    }

    /// <summary>A village's small cells, grouped by a hidden dimension, come back suppressed without their hidden keys.</summary>
    [Fact]
    public async Task Suppressed_cells_of_a_small_population_hide_their_hidden_keys()
    {
        var truth = await TruthAsync(factory);
        var data = await factory.QueryAsync("""
            query($v: ID!) { households(where: { village: { id: { eq: $v } } }) { groupedAggregates(groupBy: [TYPE, PRIMARY_CAUSE]) { keys { type primaryCause } count suppressed } } }
            """, new { v = truth.Big.Id });
        var groups = data["households"]!["groupedAggregates"]!.AsArray();
        Assert.Contains(groups, g => (bool)g!["suppressed"]!);
        foreach (var g in groups.Where(g => (bool)g!["suppressed"]!))
        {
            Assert.Null(g!["keys"]!["primaryCause"]);
            Assert.Null(g["count"]);
        }
        // At most one suppressed cell per visible key: they are merged, so their number says nothing either.
        var suppressedTypes = groups.Where(g => (bool)g!["suppressed"]!).Select(g => g!["keys"]!["type"]?.ToString()).ToList();
        Assert.Equal(suppressedTypes.Count, suppressedTypes.Distinct().Count());
    }
}
