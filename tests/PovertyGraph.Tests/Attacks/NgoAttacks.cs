using static PovertyGraph.Tests.Attacks.AttackSupport;
using static PovertyGraph.Tests.Attacks.AttackTruth;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// An NGO caller sees full data in its partner villages only (ID numbers even there masked); everywhere else it is
/// treated like PUBLIC, whatever path, filter, sort or aggregate it tries.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NgoAttacks
{
    private readonly AttackServer _server;

    public NgoAttacks(PovertyGraphFactory factory) => _server = new AttackServer(factory);

    private const string Protected = "headName headIdNumber phone primaryCause annualIncomePerCapita";
    private static string Ngo => Tokens.Ngo();

    [Fact]
    public async Task Partner_village_shows_full_names_but_never_full_id_numbers()
    {
        var truth = await TruthAsync(_server);
        var persons = truth.Partner.Households.SelectMany(h => h.Members.Select(p => p.Id)).Take(100).ToList();
        var (_, body) = await _server.PostAsync($$"""
            query($v: ID!, $persons: [ID!]!) {
              households(first: 500, where: { village: { id: { eq: $v } } }) { nodes { id {{Protected}} } }
              nodes(ids: $persons) { ... on Person { name idNumber birthDate household { headIdNumber } } }
            }
            """, new { v = truth.Partner.Id, persons }, Ngo);
        Assert.Null(body["errors"]);
        Assert.NotEmpty(truth.Partner.Households);
        Assert.Equal(truth.Partner.Households.Count, body["data"]!["households"]!["nodes"]!.AsArray().Count);
        Assert.Equal(persons.Count, body["data"]!["nodes"]!.AsArray().Count(n => n?["idNumber"] != null));
        AssertNgoPartnerView(body, "NGO partner village");
        var text = Text(body);
        foreach (var h in truth.Partner.Households)
        {
            Assert.DoesNotContain(h.HeadIdNumber, text);
            Assert.DoesNotContain(h.HeadIdNumber[6..14], text);
            foreach (var p in h.Members) Assert.DoesNotContain(p.IdNumber[6..14], text);
            Assert.Contains(h.HeadName, text); // FULL there, as the policy says
        }
    }

    [Fact]
    public async Task Non_partner_households_are_masked_by_every_path()
    {
        var truth = await TruthAsync(_server);
        var nonPartner = truth.NonPartnerHouseholds.ToList();
        var ids = truth.Big.Households.Take(30).Select(h => h.Id).Concat(truth.Big.Households.Take(10).SelectMany(h => h.Members.Select(p => p.Id))).ToList();
        var (_, body) = await _server.PostAsync($$"""
            query($v: ID!, $t: ID!, $ids: [ID!]!, $id: ID!) {
              direct: households(first: 500, where: { village: { id: { eq: $v } } }) { nodes { {{Protected}} } }
              edges: households(first: 500, where: { village: { id: { eq: $v } } }) { edges { node { {{Protected}} } } }
              node(id: $id) { ... on Household { {{Protected}} } }
              nodes(ids: $ids) { ... on Household { {{Protected}} } ... on Person { name idNumber birthDate household { {{Protected}} } } }
              township: node(id: $t) { ... on Township { villages(first: 200) { nodes { households(first: 200) { nodes { id village { id } {{Protected}} } } } } } }
              projects(first: 200, where: { village: { township: { id: { eq: $t } } } }) { nodes { village { households(first: 200) { nodes { id village { id } {{Protected}} } } } } }
            }
            """, new { v = truth.Big.Id, t = truth.Big.TownshipId, ids, id = truth.Big.Households[0].Id }, Ngo);
        Assert.Null(body["errors"]);
        AssertNoIdentifiers(body, nonPartner, "NGO outside its partner villages", truth.PartnerNames);
        Assert.True(AssertRowsOutsidePartnerVillagesMasked(body, truth.PartnerVillageIds, "NGO, township and project paths") > 100);
        Assert.Equal(truth.Big.Households.Count, body["data"]!["direct"]!["nodes"]!.AsArray().Count);
        Assert.Equal(truth.Big.Households.Count, body["data"]!["edges"]!["edges"]!.AsArray().Count);
        Assert.Equal(ids.Count, body["data"]!["nodes"]!.AsArray().Count);
        // The township path lists households of any village: those outside the partner villages must be PUBLIC-masked.
        var hidden = 0;
        foreach (var (name, value) in new[] { "direct", "edges", "node", "nodes", "projects" }.SelectMany(k => Properties(body["data"]![k])))
        {
            if (name is "headIdNumber" or "idNumber" or "phone" or "primaryCause" or "annualIncomePerCapita")
            {
                Assert.True(value == null, $"LEAK (NGO elsewhere): {name} = {value}");
                hidden++;
            }
        }

        Assert.True(hidden > 5 * truth.Big.Households.Count, $"only {hidden} hidden values came back to check");
    }

    [Fact]
    public async Task Mixing_partner_and_non_partner_rows_in_one_request_masks_each_row_by_its_own_village()
    {
        var truth = await TruthAsync(_server);
        var partner = truth.Partner.Households.Take(3).ToList();
        var other = truth.Big.Households.Take(3).ToList();
        var ids = partner.Zip(other, (a, b) => new[] { a.Id, b.Id }).SelectMany(x => x).ToList();
        var data = await _server.QueryAsync($$"""
            query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Household { {{Protected}} village { id } } } }
            """, new { ids }, Ngo);
        Assert.Equal(ids.Count, data["nodes"]!.AsArray().Count);
        var (inside, outside) = (0, 0);
        foreach (var node in data["nodes"]!.AsArray())
        {
            var inPartner = truth.PartnerVillageIds.Contains(node!["village"]!["id"]!.ToString());
            if (inPartner)
            {
                inside++;
                Assert.NotNull(node["phone"]);
                AssertNgoPartnerView(node, "partner row");
            }
            else
            {
                outside++;
                AssertPublicAnswer(200, node, "non-partner row next to partner rows", ["headName", "headIdNumber", "phone", "primaryCause", "annualIncomePerCapita"]);
                AssertNoIdentifiers(node, other, "non-partner row next to partner rows");
            }
        }
        Assert.Equal((3, 3), (inside, outside));
    }

    [Theory]
    [InlineData("households(where: { village: { id: { in: $p } }, primaryCause: { eq: ILLNESS } }) { totalCount }")]
    [InlineData("households(where: { village: { id: { in: $p } }, annualIncomePerCapita: { gt: 3000 } }) { nodes { id } }")]
    [InlineData("households(where: { village: { id: { in: $p } } }, order: [{ annualIncomePerCapita: ASC }]) { nodes { id } }")]
    [InlineData("households(where: { village: { id: { in: $p } } }, order: [{ primaryCause: ASC }]) { nodes { id } }")]
    [InlineData("villages(where: { id: { in: $p }, households: { some: { primaryCause: { eq: ILLNESS } } } }) { totalCount }")]
    [InlineData("villages(where: { id: { nin: $p }, households: { some: { annualIncomePerCapita: { lt: 2000 } } } }) { totalCount }")]
    public async Task Ngo_cannot_filter_or_sort_on_fields_it_does_not_see_in_full_everywhere(string field)
    {
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync($"query($p: [ID!]) {{ {field} }}", new { p = truth.PartnerVillageIds }, Ngo);
        AssertRefused(status, body, field);
        Assert.Equal("FORBIDDEN_FIELD", body["errors"]![0]!["extensions"]!["code"]!.ToString());
        Assert.Contains("NGO", body["errors"]![0]!["message"]!.ToString());
    }

    [Fact]
    public async Task Ngo_cannot_learn_a_non_partner_households_primary_cause_from_a_suppressed_cell_key()
    {
        var truth = await TruthAsync(_server);
        var revealed = new List<string>();
        foreach (var h in truth.Big.Households.Take(5))
        {
            var (status, body) = await _server.PostAsync("""
                query($id: ID!) { households(where: { id: { eq: $id } }) { groupedAggregates(groupBy: [PRIMARY_CAUSE]) { keys { primaryCause } suppressed } } }
                """, new { id = h.Id }, Ngo);
            // Refused outright (protected aggregates cannot be cut around row IDs), or answered with the household's one cell.
            if (RefusedForRowIds(status, body, $"NGO, one household {h.Id} by PRIMARY_CAUSE")) continue;
            var groups = body["data"]!["households"]!["groupedAggregates"]!.AsArray();
            Assert.NotEmpty(groups);
            var keys = groups.Select(g => g!["keys"]!["primaryCause"]?.ToString()).ToList();
            if (keys.Count == 1 && keys[0] == h.PrimaryCause) revealed.Add($"{h.Id}: {h.PrimaryCause}");
        }
        Assert.True(revealed.Count == 0, "LEAK: an NGO learns the hidden primaryCause of households outside its partner villages from suppressed cell keys:\n" + string.Join("\n", revealed));
    }

    /// <summary>
    /// The NGO knows every income in its partner village exactly. A cell made of that village plus one outside
    /// household must not let it compute the outsider's income.
    /// </summary>
    [Fact]
    public async Task Ngo_cannot_recover_an_outside_households_income_by_padding_it_with_a_partner_village()
    {
        var truth = await TruthAsync(_server);
        Assert.True(truth.Partner.Households.Count >= 4, "the partner village is too small for this attack");
        var known = (await _server.QueryAsync("""
            query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) { nodes { annualIncomePerCapita } } }
            """, new { v = truth.Partner.Id }, Ngo))["households"]!["nodes"]!.AsArray().Sum(n => (long)(decimal)n!["annualIncomePerCapita"]!);
        Assert.Equal(truth.Partner.Households.Sum(h => h.Income!.Value), known); // what the NGO knows is what the database holds
        var revealed = new List<string>();
        foreach (var h in truth.Big.Households.Take(6))
        {
            var (status, body) = await _server.PostAsync("""
                query($v: ID!, $id: ID!) { households(where: { or: [{ village: { id: { eq: $v } } }, { id: { eq: $id } }] }) {
                  totalCount aggregates { count sum { annualIncomePerCapita } avg { annualIncomePerCapita } } } }
                """, new { v = truth.Partner.Id, id = h.Id }, Ngo);
            if (RefusedForRowIds(status, body, $"NGO, partner village + {h.Id}")) continue;
            var c = body["data"]!["households"]!;
            var sum = ExactSumFrom((int)c["totalCount"]!, (int)c["aggregates"]!["count"]!, (decimal?)c["aggregates"]!["sum"]!["annualIncomePerCapita"],
                (double?)c["aggregates"]!["avg"]!["annualIncomePerCapita"]);
            if (sum != null && sum - known == h.Income) revealed.Add($"{h.Id}: {sum} - {known} = {h.Income}");
        }
        Assert.True(revealed.Count == 0,
            "LEAK: an NGO computes the exact hidden income of households outside its partner villages (partner village + one household, published count/sum/avg + exact totalCount):\n"
            + string.Join("\n", revealed));
    }

    [Fact]
    public async Task Ngo_aggregates_are_protected_even_inside_partner_villages()
    {
        var truth = await TruthAsync(_server);
        var data = await _server.QueryAsync("""
            query($p: [ID!]) { me { exactStatistics } villages(where: { id: { in: $p } }) { nodes { households {
              aggregates { min { annualIncomePerCapita memberCount } max { annualIncomePerCapita memberCount } }
              groupedAggregates(groupBy: [VILLAGE, PRIMARY_CAUSE]) { count suppressed min { annualIncomePerCapita } max { annualIncomePerCapita } } } } } }
            """, new { p = truth.PartnerVillageIds }, Ngo);
        Assert.False((bool)data["me"]!["exactStatistics"]!);
        var villages = data["villages"]!["nodes"]!.AsArray();
        Assert.Equal(truth.PartnerVillageIds.Count, villages.Count);
        var minMax = 0;
        foreach (var (name, value) in Properties(data["villages"]))
        {
            if (name is "annualIncomePerCapita" or "memberCount")
            {
                Assert.True(value == null, $"LEAK: NGO got min/max {name} = {value}");
                minMax++;
            }
        }

        var groups = villages.Sum(v => v!["households"]!["groupedAggregates"]!.AsArray().Count);
        Assert.True(groups > 0, "no groups came back");
        Assert.Equal(4 * villages.Count + 2 * groups, minMax); // each village's aggregates' four and each group's two, all null
    }

    [Fact]
    public async Task Ngo_from_a_partner_household_cannot_walk_to_other_villages_households_unmasked()
    {
        var truth = await TruthAsync(_server);
        var person = truth.Partner.Households[0].Members[0].Id;
        var (_, body) = await _server.PostAsync($$"""
            query($p: ID!) { node(id: $p) { ... on Person { household { village { township { villages(first: 200) { nodes { id households(first: 200) { nodes { village { id } {{Protected}} } } } }
                county { townships(first: 50) { nodes { villages(first: 100) { nodes { households(first: 50) { nodes { village { id } {{Protected}} } } } } } } } } } } } } }
            """, new { p = person }, Ngo);
        Assert.Null(body["errors"]);
        AssertNoIdentifiers(body, truth.NonPartnerHouseholds, "NGO walking from a partner person", truth.PartnerNames);
        Assert.True(AssertRowsOutsidePartnerVillagesMasked(body, truth.PartnerVillageIds, "NGO walking from a partner person") > 100);
    }

    /// <summary>Persons outside the partner villages, by ID and through a household's members: answered, and masked.</summary>
    [Fact]
    public async Task Ngo_sees_non_partner_persons_as_public_does()
    {
        var truth = await TruthAsync(_server);
        var persons = truth.Big.Households.SelectMany(h => h.Members.Select(p => p.Id)).Take(100).ToList();
        var (status, body) = await _server.PostAsync("""
            query($persons: [ID!]!) { nodes(ids: $persons) { ... on Person { personName: name idNumber birthDate household { headName headIdNumber phone } } } }
            """, new { persons }, Ngo);
        AssertPublicAnswer(status, body, "NGO, persons elsewhere by ID", ["personName", "idNumber", "birthDate", "headName", "headIdNumber", "phone"]);
        Assert.Equal(persons.Count, body["data"]!["nodes"]!.AsArray().Count(n => n?["birthDate"] != null));
        AssertNoIdentifiers(body, truth.NonPartnerHouseholds, "NGO, persons elsewhere by ID");
        // Through households' members.
        (status, body) = await _server.PostAsync("""
            query($v: ID!) { households(first: 100, where: { village: { id: { eq: $v } } }) { nodes { members { nodes { personName: name idNumber birthDate } } } } }
            """, new { v = truth.Big.Id }, Ngo);
        AssertPublicAnswer(status, body, "NGO, persons elsewhere as members", ["personName", "idNumber", "birthDate"]);
        AssertNoIdentifiers(body, truth.NonPartnerHouseholds, "NGO, persons elsewhere as members");
    }
}
