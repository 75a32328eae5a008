using PovertyGraph.Tests.Infrastructure;
using static PovertyGraph.Tests.Attacks.AttackSupport;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// PUBLIC callers asking for protected fields directly, at every path a household or person can be reached by:
/// the answer is masked or null, and no identifier OFFICIAL sees appears anywhere in the response.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DirectFieldAttacks(PovertyGraphFactory factory)
{
    private const string Protected = "headName headIdNumber phone primaryCause annualIncomePerCapita";
    private const string PersonProtected = "name idNumber birthDate";

    private async Task<(AttackSupport.Truth Truth, string Village)> Setup()
    {
        var truth = await TruthAsync(factory);
        return (truth, truth.Big.Id);
    }

    private async Task AssertPublicSafe(string query, object? variables, string context, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var truth = await TruthAsync(factory);
        var (status, body) = await factory.PostAsync(query, variables);
        Assert.True(status is 200 or 400, $"{context}: status {status}");
        AssertPublicView(body, context, aliases);
        AssertNoIdentifiers(body, truth.AllHouseholds, context);
    }

    [Fact]
    public async Task Households_nodes_and_edges_show_only_masked_or_hidden_values()
    {
        var (_, village) = await Setup();
        await AssertPublicSafe($$"""
            query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) {
              nodes { id {{Protected}} members { nodes { id {{PersonProtected}} } } }
              edges { cursor node { id {{Protected}} members { edges { cursor node { {{PersonProtected}} } } } } } } }
            """, new { v = village }, "households nodes/edges");
    }

    [Fact]
    public async Task Village_households_and_members_nested_paths_are_masked()
    {
        var (_, village) = await Setup();
        await AssertPublicSafe($$"""
            query($v: ID!) { villages(where: { id: { eq: $v } }) { nodes {
              households(first: 500) { nodes { {{Protected}} members { nodes { {{PersonProtected}} household { {{Protected}} } } } } } } } }
            """, new { v = village }, "villages → households → members → household");
    }

    [Fact]
    public async Task Reaching_households_from_township_county_and_project_paths_is_masked()
    {
        var (truth, _) = await Setup();
        await AssertPublicSafe($$"""
            query($t: ID!) {
              node(id: $t) { ... on Township { villages(first: 100) { nodes { households(first: 500) { nodes { {{Protected}} } } } } } }
              projects(first: 100, where: { village: { households: { any: true } } }) { nodes { village { households(first: 100) { nodes { {{Protected}} members { nodes { {{PersonProtected}} } } } } } } }
            }
            """, new { t = truth.Big.TownshipId }, "township/project → village → households");
    }

    [Fact]
    public async Task Node_and_nodes_by_id_return_the_same_masked_view()
    {
        var (truth, _) = await Setup();
        var ids = truth.Big.Households.Take(50).Select(h => h.Id).Concat(truth.Big.Households.Take(20).SelectMany(h => h.Members.Select(p => p.Id))).ToList();
        await AssertPublicSafe($$"""
            query($id: ID!, $ids: [ID!]!) {
              node(id: $id) { id ... on Household { {{Protected}} } }
              nodes(ids: $ids) { __typename id ... on Household { {{Protected}} } ... on Person { {{PersonProtected}} household { {{Protected}} } } }
            }
            """, new { id = truth.Big.Households[0].Id, ids }, "node/nodes");
    }

    [Fact]
    public async Task Aliases_and_repeated_fields_do_not_unmask_anything()
    {
        var (truth, _) = await Setup();
        var aliases = new Dictionary<string, string>
        {
            ["a"] = "headIdNumber", ["b"] = "headIdNumber", ["c"] = "phone", ["d"] = "headName", ["e"] = "annualIncomePerCapita",
            ["f"] = "primaryCause", ["g"] = "personName", ["h"] = "idNumber", ["i"] = "birthDate", ["id2"] = "idNumber",
        };
        await AssertPublicSafe("""
            query($id: ID!) { x: node(id: $id) { ... on Household {
              a: headIdNumber b: headIdNumber headIdNumber c: phone phone d: headName headName e: annualIncomePerCapita f: primaryCause
              m: members { nodes { g: name h: idNumber id2: idNumber i: birthDate name } } } } }
            """, new { id = truth.Big.Households[1].Id }, "aliases", aliases);
    }

    [Fact]
    public async Task Named_inline_and_Node_fragments_do_not_unmask_anything()
    {
        var (truth, _) = await Setup();
        var ids = truth.Big.Households.Take(5).Select(h => h.Id).Concat(truth.Big.Households[0].Members.Select(p => p.Id)).ToList();
        await AssertPublicSafe($$"""
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename ...N ... on Household { ...H } ... on Person { ...P } } }
            fragment N on Node { id ... on Household { __typename {{Protected}} members { nodes { ...P } } } }
            fragment H on Household { {{Protected}} ... on Household { ... on Node { ... on Household { headIdNumber phone } } } }
            fragment P on Person { {{PersonProtected}} ... on Node { ... on Person { idNumber household { ...H } } } }
            """, new { ids }, "fragments");
    }

    [Fact]
    public async Task Variables_and_directives_do_not_unmask_anything()
    {
        var (truth, _) = await Setup();
        await AssertPublicSafe($$"""
            query($id: ID!, $yes: Boolean!, $no: Boolean!) { node(id: $id) { ... on Household @include(if: $yes) {
              headIdNumber @include(if: $yes) phone @skip(if: $no) {{Protected}}
              members(first: 10) { nodes { idNumber @include(if: $yes) {{PersonProtected}} } } } } }
            """, new { id = truth.Big.Households[2].Id, yes = true, no = false }, "variables/directives");
    }

    [Fact]
    public async Task Researcher_sees_no_names_ids_or_phones()
    {
        var truth = await TruthAsync(factory);
        var (_, body) = await factory.PostAsync($$"""
            query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) { nodes { headName headIdNumber phone members { nodes { {{PersonProtected}} } } } } }
            """, new { v = truth.Big.Id }, Tokens.Researcher);
        foreach (var (name, value) in Properties(body))
            if (name is "headName" or "headIdNumber" or "phone" or "name" or "idNumber")
                Assert.True(value == null, $"LEAK (researcher): {name} = {value}");
            else if (name == "birthDate")
                Assert.Matches(@"^\d{4}$", value!.ToString());
        AssertNoIdentifiers(body, truth.AllHouseholds, "researcher");
    }
    /// <summary>
    /// The whole dataset, PUBLIC against OFFICIAL, row by row: every masked name keeps a strict prefix (the surname)
    /// and never the whole name; every other protected field is null or the year only.
    /// </summary>
    [Fact]
    public async Task Every_household_and_person_in_the_dataset_is_masked_for_public()
    {
        const string query = """
            query($after: String) { households(first: 500, after: $after) { pageInfo { hasNextPage endCursor }
              nodes { id headName headIdNumber phone primaryCause annualIncomePerCapita members(first: 50) { nodes { id name idNumber birthDate } } } } }
            """;
        async Task<Dictionary<string, System.Text.Json.Nodes.JsonNode>> All(string? token)
        {
            var rows = new Dictionary<string, System.Text.Json.Nodes.JsonNode>();
            string? after = null;
            do
            {
                var page = (await factory.QueryAsync(query, new { after }, token))["households"]!;
                foreach (var h in page["nodes"]!.AsArray())
                {
                    rows[h!["id"]!.ToString()] = h;
                    foreach (var p in h["members"]!["nodes"]!.AsArray()) rows[p!["id"]!.ToString()] = p;
                }
                after = (bool)page["pageInfo"]!["hasNextPage"]! ? page["pageInfo"]!["endCursor"]!.ToString() : null;
            } while (after != null);
            return rows;
        }
        var published = await All(null);
        var exact = await All(Tokens.Official);
        Assert.Equal(5832 + 11609, exact.Count);
        Assert.Equal(exact.Count, published.Count);
        var leaks = new List<string>();
        foreach (var (id, row) in exact)
        {
            var pub = published[id];
            foreach (var nameField in new[] { "headName", "name" })
            {
                if (row[nameField] is not { } full) continue;
                var masked = pub[nameField]?.ToString();
                var prefix = masked?.TrimEnd('*');
                if (masked == null || !masked.EndsWith('*') || prefix!.Length >= full.ToString().Length || !full.ToString().StartsWith(prefix, StringComparison.Ordinal))
                    leaks.Add($"{id}.{nameField}: {full} → {masked}");
            }
            foreach (var hidden in new[] { "headIdNumber", "phone", "primaryCause", "annualIncomePerCapita", "idNumber" })
                if (pub[hidden] != null) leaks.Add($"{id}.{hidden} = {pub[hidden]}");
            if (row["birthDate"] is { } birth && pub["birthDate"]?.ToString() != birth.ToString()[..4])
                leaks.Add($"{id}.birthDate = {pub["birthDate"]}");
        }
        Assert.True(leaks.Count == 0, $"LEAK: {leaks.Count} values shown beyond the PUBLIC level:\n" + string.Join("\n", leaks.Take(50)));
    }

    [Fact]
    public async Task Dataset_and_me_reveal_no_personal_data()
    {
        var truth = await TruthAsync(factory);
        var (status, body) = await factory.PostAsync("""
            { me { role subject organization partnerVillageIds exactStatistics }
              dataset { version generatedAt profile seedChecksum licence syntheticShare rowCounts { table rows syntheticRows syntheticShare } } }
            """);
        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        AssertNoIdentifiers(body, truth.AllHouseholds, "me/dataset");
        Assert.Equal("PUBLIC", body["data"]!["me"]!["role"]!.ToString());
        Assert.Empty(body["data"]!["me"]!["partnerVillageIds"]!.AsArray());
        Assert.False((bool)body["data"]!["me"]!["exactStatistics"]!);
    }
}
