using System.Text.Json.Nodes;
using static PovertyGraph.Tests.Attacks.AttackSupport;
using static PovertyGraph.Tests.Attacks.AttackTruth;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// Protected statistics under attack by a PUBLIC caller: small cells, minimums and maximums, and differencing
/// two overlapping queries to isolate one household. The exact figures, read from the database, are the ground truth.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AggregateAttacks
{
    private readonly AttackServer _server;

    public AggregateAttacks(PovertyGraphFactory factory) => _server = new AttackServer(factory);

    private const string GroupFields = "keys { primaryCause } count suppressed sum { annualIncomePerCapita memberCount } avg { annualIncomePerCapita memberCount }";

    /// <summary>
    /// groupBy PRIMARY_CAUSE over a single household: the cell is suppressed, but its key must not tell which cause
    /// the household has (that is exactly the value PUBLIC may not see).
    /// </summary>
    [Fact]
    public async Task Suppressed_cell_keys_do_not_reveal_one_households_primary_cause()
    {
        var truth = await TruthAsync(_server);
        var revealed = new List<string>();
        foreach (var h in truth.Big.Households.Take(5))
        {
            var (status, body) = await _server.PostAsync("""
                query($id: ID!) { households(where: { id: { eq: $id } }) { groupedAggregates(groupBy: [PRIMARY_CAUSE]) { keys { primaryCause } count suppressed } } }
                """, new { id = h.Id });
            // Refused outright (protected aggregates cannot be cut around row IDs), or answered with the household's one cell.
            if (RefusedForRowIds(status, body, $"one household {h.Id} by PRIMARY_CAUSE")) continue;
            var groups = body["data"]!["households"]!["groupedAggregates"]!.AsArray();
            Assert.NotEmpty(groups);
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
        var truth = await TruthAsync(_server);
        const string query = """
            query($v: ID!) { households(where: { village: { id: { eq: $v } } }) { groupedAggregates(groupBy: [TYPE, HAS_LABOR_CAPACITY, REGISTERED_YEAR]) {
              keys { type hasLaborCapacity registeredYear } count suppressed sum { annualIncomePerCapita memberCount } avg { annualIncomePerCapita } min { annualIncomePerCapita memberCount } max { annualIncomePerCapita memberCount } } } }
            """;
        Dictionary<string, long> exact;
        using (var connection = _server.Database.Open())
        {
            exact = connection.Rows("""
                SELECT "Type", "HasLaborCapacity", "RegisteredYear", COUNT(*) FROM "Households" WHERE "VillageId" = @v
                GROUP BY "Type", "HasLaborCapacity", "RegisteredYear"
                """, ("@v", KeyOf(truth.Big.Id)))
                .ToDictionary(r => $"{HouseholdTypes[Convert.ToInt32(r[0]) - 1]}|{Convert.ToBoolean(r[1])}|{Convert.ToInt32(r[2])}", r => Convert.ToInt64(r[3]));
        }

        var published = (await _server.QueryAsync(query, new { v = truth.Big.Id }))["households"]!["groupedAggregates"]!.AsArray();
        string Key(JsonNode cell) => $"{cell["keys"]!["type"]}|{(bool)cell["keys"]!["hasLaborCapacity"]!}|{cell["keys"]!["registeredYear"]}";
        Assert.Equal(exact.Keys.Order(StringComparer.Ordinal), published.Select(c => Key(c!)).Order(StringComparer.Ordinal));
        Assert.Contains(exact.Values, n => n < 5);
        Assert.Contains(exact.Values, n => n >= 5);
        for (var i = 0; i < published.Count; i++)
        {
            var small = exact[Key(published[i]!)] < 5;
            Assert.Equal(small, (bool)published[i]!["suppressed"]!);
            if (small)
            {
                foreach (var (name, value) in Properties(published[i]).Where(p => p.Name is not ("type" or "hasLaborCapacity" or "registeredYear" or "suppressed")))
                    Assert.True(value == null, $"LEAK: suppressed cell publishes {name} = {value}: {Text(published[i])}");
            }
        }
    }

    [Fact]
    public async Task Minimums_and_maximums_are_never_published_to_public()
    {
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync("""
            query($v: ID!) {
              all: households { aggregates { min { annualIncomePerCapita memberCount registeredYear plannedExitYear } max { annualIncomePerCapita memberCount registeredYear plannedExitYear } } }
              village: households(where: { village: { id: { eq: $v } } }) { aggregates { min { annualIncomePerCapita memberCount } max { annualIncomePerCapita memberCount } } }
              grouped: households { groupedAggregates(groupBy: [COUNTY, TYPE]) { min { annualIncomePerCapita memberCount } max { annualIncomePerCapita memberCount } } }
              nested: villages(where: { id: { eq: $v } }) { nodes { households { aggregates { min { annualIncomePerCapita memberCount } max { annualIncomePerCapita memberCount } } } } }
            }
            """, new { v = truth.Big.Id });
        Assert.True(status == 200 && body["errors"] == null, $"{status} {Shorten(Text(body))}");
        var values = Properties(body["data"]).ToList();
        foreach (var (name, value) in values)
            Assert.True(value == null, $"LEAK: PUBLIC got a minimum/maximum {name} = {value}: {Shorten(Text(body))}");
        // Every minimum and maximum asked for came back (as null): all (8), village (4), nested (4) and at least one group's (4).
        Assert.True(values.Count >= 20, $"only {values.Count} values came back to check: {Shorten(Text(body))}");
    }

    [Fact]
    public async Task A_single_household_cell_publishes_no_sum_or_average()
    {
        var truth = await TruthAsync(_server);
        foreach (var h in truth.Big.Households.Take(3))
        {
            var (status, body) = await _server.PostAsync("""
                query($id: ID!) { households(where: { id: { eq: $id } }) { aggregates { suppressed sum { annualIncomePerCapita memberCount } avg { annualIncomePerCapita memberCount } } } }
                """, new { id = h.Id });
            // Either refused outright (protected aggregates cannot be cut around row IDs) or suppressed.
            if (RefusedForRowIds(status, body, $"one household {h.Id}")) continue;
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
        var truth = await TruthAsync(_server);
        var revealed = new List<string>();
        var tried = truth.Big.Households.Take(6).ToList();
        foreach (var h in tried)
        {
            var with = await GroupsAsync(new { village = new { id = new { eq = truth.Big.Id } } });
            Assert.NotEmpty(with);
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
        var (status, body) = await _server.PostAsync($"query($w: HouseholdFilterInput) {{ households(where: $w) {{ groupedAggregates(groupBy: [PRIMARY_CAUSE]) {{ {GroupFields} }} }} }}", new { w = where });
        if (RefusedForRowIds(status, body, $"groups of {System.Text.Json.JsonSerializer.Serialize(where)}")) return [];
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
        var truth = await TruthAsync(_server);
        var revealed = new List<string>();
        var scopes = new (string Name, object Where)[]
        {
            ("village", new { village = new { id = new { eq = truth.Big.Id } } }),
            ("township", new { township = new { id = new { eq = truth.Big.TownshipId } } }),
        };
        var tried = 0;
        foreach (var (scope, where) in scopes)
        {
            foreach (var h in truth.Big.Households.Take(4))
            {
                tried++;
                var whole = await PublishedSumAsync(where);
                Assert.NotNull(whole); // the scope alone is answered: there is something to difference
                var a = ExactSum(whole);
                var b = ExactSum(await PublishedSumAsync(new { and = new[] { where, new { id = new { neq = h.Id } } } }));
                if (a != null && b != null && a - b == h.Income)
                    revealed.Add($"{h.Id} ({scope}): {a} - {b} = {a - b} = its annualIncomePerCapita");
            }
        }

        Assert.True(revealed.Count == 0,
            "LEAK: PUBLIC recovers exact sums of the hidden annualIncomePerCapita (published count + sum + avg, with the exact totalCount, admit a single value), " +
            $"so a cell with and without one household gives that household's income — {revealed.Count} of {tried} attempts:\n" + string.Join("\n", revealed));
    }

    private static long? ExactSum(JsonNode? published) =>
        published is { } c
            ? ExactSumFrom((int)c["totalCount"]!, (int)c["aggregates"]!["count"]!, (decimal?)c["aggregates"]!["sum"]!["annualIncomePerCapita"],
                (double?)c["aggregates"]!["avg"]!["annualIncomePerCapita"])
            : null; // refused: nothing to difference

    /// <summary>The published count, sum and average of a scope, or null when it is refused for cutting around row IDs.</summary>
    private async Task<JsonNode?> PublishedSumAsync(object where)
    {
        var (status, body) = await _server.PostAsync("""
            query($w: HouseholdFilterInput) { households(where: $w) { totalCount aggregates { count sum { annualIncomePerCapita } avg { annualIncomePerCapita } } } }
            """, new { w = where });
        if (RefusedForRowIds(status, body, $"sums of {System.Text.Json.JsonSerializer.Serialize(where)}")) return null;
        return body["data"]!["households"]!;
    }

    /// <summary>The noise is there (some published counts differ from the exact ones) and bounded (by ±2).</summary>
    [Fact]
    public async Task Published_counts_and_sums_are_perturbed_within_bounds()
    {
        const string query = "{ households { groupedAggregates(groupBy: [VILLAGE]) { keys { village { id } } count suppressed sum { memberCount annualIncomePerCapita } } } }";
        Dictionary<string, (int Count, long Members)> exact;
        using (var connection = _server.Database.Open())
        {
            exact = connection.Rows("""SELECT "VillageId", COUNT(*), SUM("MemberCount") FROM "Households" GROUP BY "VillageId" """)
                .ToDictionary(r => IdOf("Village", r[0]!), r => (Convert.ToInt32(r[1]), Convert.ToInt64(r[2])));
        }

        var published = (await _server.QueryAsync(query))["households"]!["groupedAggregates"]!.AsArray();
        Assert.Equal(exact.Keys.Order(StringComparer.Ordinal), published.Select(g => g!["keys"]!["village"]!["id"]!.ToString()).Order(StringComparer.Ordinal));
        int countsChanged = 0, sumsChanged = 0;
        for (var i = 0; i < published.Count; i++)
        {
            if ((bool)published[i]!["suppressed"]!) continue;
            var (n, s) = exact[published[i]!["keys"]!["village"]!["id"]!.ToString()];
            var pn = (int)published[i]!["count"]!;
            Assert.InRange(pn - n, -2, 2);
            countsChanged += pn != n ? 1 : 0;
            long ps = (long)published[i]!["sum"]!["memberCount"]!;
            Assert.InRange(Math.Abs(ps - s), 0, 2 * (long)Math.Ceiling((double)s / n));
            sumsChanged += ps != s ? 1 : 0;
        }
        Assert.True(countsChanged > 0, "no published count differs from the exact one: the counts are not perturbed");
        Assert.True(sumsChanged > 0, "no published sum differs from the exact one: the sums are not perturbed");
    }

    [Fact]
    public async Task The_same_cell_gets_the_same_answer_and_an_empty_cell_stays_empty()
    {
        var truth = await TruthAsync(_server);
        var query = $$"""
            query($v: ID!) { households(where: { village: { id: { eq: $v } } }) { aggregates { count sum { annualIncomePerCapita } avg { annualIncomePerCapita } }
              groupedAggregates(groupBy: [PRIMARY_CAUSE, TYPE]) { keys { primaryCause type } count suppressed sum { annualIncomePerCapita } } } }
            """;
        var first = Text(await _server.QueryAsync(query, new { v = truth.Big.Id }));
        var second = Text(await _server.QueryAsync(query, new { v = truth.Big.Id }));
        Assert.Equal(first, second);
        // The same cell reached by another filter (the village within its township) is the same answer.
        var other = await _server.QueryAsync("""
            query($v: ID!, $t: ID!) { households(where: { and: [{ township: { id: { eq: $t } } }, { village: { id: { eq: $v } } }] }) { aggregates { count sum { annualIncomePerCapita } avg { annualIncomePerCapita } } } }
            """, new { v = truth.Big.Id, t = truth.Big.TownshipId });
        Assert.Equal(Text(JsonNode.Parse(first)!["households"]!["aggregates"]), Text(other["households"]!["aggregates"]));

        var empty = await _server.QueryAsync("""
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
        Dictionary<string, (int Count, long Members, long Income)> exactByKey;
        using (var connection = _server.Database.Open())
        {
            exactByKey = connection.Rows("""
                SELECT "TownshipId", "PrimaryCause", COUNT(*), SUM("MemberCount"), SUM("AnnualIncomePerCapita") FROM "Households" GROUP BY "TownshipId", "PrimaryCause"
                """).ToDictionary(r => IdOf("Township", r[0]!) + "|" + PovertyCauses[Convert.ToInt32(r[1]) - 1],
                    r => (Convert.ToInt32(r[2]), Convert.ToInt64(r[3]), Convert.ToInt64(r[4])));
        }

        var published = (await _server.QueryAsync(query))["households"]!["groupedAggregates"]!.AsArray();
        var recovered = new List<string>();
        var perturbed = 0;
        var wrong = 0;
        foreach (var p in published.Select(g => g!))
        {
            if ((bool)p["suppressed"]!) continue;
            var e = exactByKey[p["keys"]!["township"]!["id"] + "|" + p["keys"]!["primaryCause"]];
            if ((int)p["count"]! != e.Count || (long)p["sum"]!["memberCount"]! != e.Members || (long)(decimal)p["sum"]!["annualIncomePerCapita"]! != e.Income) perturbed++;
            var cell = ExactCellFrom((int)p["count"]!, (long)p["sum"]!["memberCount"]!, (double)p["avg"]!["memberCount"]!,
                (long)(decimal)p["sum"]!["annualIncomePerCapita"]!, (double)p["avg"]!["annualIncomePerCapita"]!);
            if (cell is var (n, members, income) && n == e.Count && members == e.Members && income == e.Income)
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
        var truth = await TruthAsync(_server);
        var h = truth.Big.Households[0];
        var (_, body) = await _server.PostAsync($"query($h: ID!, $v: ID!) {{ households(where: {where}) {{ aggregates {{ count sum {{ annualIncomePerCapita }} }} }} v: villages(where: {{ id: {{ eq: $v }} }}) {{ totalCount }} }}",
            new { h = h.Id, v = truth.Big.Id });
        Assert.Null(body["data"]?["households"]);
        Assert.Equal("FORBIDDEN_FIELD", body["errors"]![0]!["extensions"]!["code"]!.ToString());
        Assert.Contains("cannot be restricted by row IDs", Text(body));
        // The same restriction is fine for a role with exact statistics, and for listing rows.
        var official = await _server.QueryAsync($"query($h: ID!, $v: ID!) {{ households(where: {where}) {{ aggregates {{ count }} }} v: villages(where: {{ id: {{ eq: $v }} }}) {{ totalCount }} }}", new { h = h.Id, v = truth.Big.Id }, Tokens.Official);
        Assert.True((int)official["households"]!["aggregates"]!["count"]! > 0);
    }

    /// <summary>A village's small cells, grouped by a hidden dimension, come back suppressed without their hidden keys.</summary>
    [Fact]
    public async Task Suppressed_cells_of_a_small_population_hide_their_hidden_keys()
    {
        var truth = await TruthAsync(_server);
        var data = await _server.QueryAsync("""
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
