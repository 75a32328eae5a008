using static PovertyGraph.Tests.Attacks.AttackSupport;
using static PovertyGraph.Tests.Attacks.AttackTruth;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// PUBLIC callers asking for protected fields directly, at every path a household or person can be reached by:
/// the answer is masked or null, and no identifier OFFICIAL sees appears anywhere in the response.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DirectFieldAttacks
{
    private readonly AttackServer _server;

    public DirectFieldAttacks(PovertyGraphFactory factory) => _server = new AttackServer(factory);

    private const string Protected = "headName headIdNumber phone primaryCause annualIncomePerCapita";
    private const string PersonProtected = "name idNumber birthDate";
    // What AssertPublicView checks of them (a person's unaliased name is checked by AssertNoIdentifiers).
    private static readonly string[] HouseholdChecked = ["headName", "headIdNumber", "phone", "primaryCause", "annualIncomePerCapita"];
    private static readonly string[] PersonChecked = ["idNumber", "birthDate"];
    private static readonly string[] BothChecked = [.. HouseholdChecked, .. PersonChecked];

    private async Task<(AttackTruth.Truth Truth, string Village)> Setup()
    {
        var truth = await TruthAsync(_server);
        return (truth, truth.Big.Id);
    }

    /// <summary>Answered (200, no errors), with every field of <paramref name="expected"/> back and masked, and no identifier in it.</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> AssertPublicSafe(string query, object? variables, string context, string[] expected,
        IReadOnlyDictionary<string, string>? aliases = null)
    {
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync(query, variables);
        AssertPublicAnswer(status, body, context, expected, aliases);
        AssertNoIdentifiers(body, truth.AllHouseholds, context);
        return body;
    }

    [Fact]
    public async Task Households_nodes_and_edges_show_only_masked_or_hidden_values()
    {
        var (truth, village) = await Setup();
        var body = await AssertPublicSafe($$"""
            query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) {
              nodes { id {{Protected}} members { nodes { id {{PersonProtected}} } } }
              edges { cursor node { id {{Protected}} members { edges { cursor node { {{PersonProtected}} } } } } } } }
            """, new { v = village }, "households nodes/edges", BothChecked);
        Assert.Equal(truth.Big.Households.Select(h => h.Id), body["data"]!["households"]!["nodes"]!.AsArray().Select(n => n!["id"]!.ToString()));
        Assert.Equal(truth.Big.Households.Count, body["data"]!["households"]!["edges"]!.AsArray().Count);
    }

    [Fact]
    public async Task Village_households_and_members_nested_paths_are_masked()
    {
        // Pages sized to the PUBLIC cost budget: a query over it is refused (COST_LIMIT_EXCEEDED) with nothing to check.
        var (truth, village) = await Setup();
        var body = await AssertPublicSafe($$"""
            query($v: ID!) { villages(first: 1, where: { id: { eq: $v } }) { nodes {
              households(first: 100) { nodes { {{Protected}} members(first: 10) { nodes { {{PersonProtected}} household { {{Protected}} } } } } } } } }
            """, new { v = village }, "villages → households → members → household", BothChecked);
        Assert.Equal(truth.Big.Households.Count, body["data"]!["villages"]!["nodes"]![0]!["households"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Reaching_households_from_township_county_and_project_paths_is_masked()
    {
        var (truth, _) = await Setup();
        var body = await AssertPublicSafe($$"""
            query($t: ID!) {
              node(id: $t) { ... on Township { villages(first: 20) { nodes { households(first: 100) { nodes { {{Protected}} } } } } } }
              projects(first: 20, where: { village: { households: { any: true } } }) { nodes { village { households(first: 20) { nodes { {{Protected}} members(first: 10) { nodes { {{PersonProtected}} } } } } } } }
            }
            """, new { t = truth.Big.TownshipId }, "township/project → village → households", BothChecked);
        var townshipHouseholds = body["data"]!["node"]!["villages"]!["nodes"]!.AsArray().Sum(v => v!["households"]!["nodes"]!.AsArray().Count);
        Assert.True(townshipHouseholds >= truth.Big.Households.Count, $"the township path reached {townshipHouseholds} households");
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
            """, new { id = truth.Big.Households[0].Id, ids }, "node/nodes", BothChecked);
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
            """, new { id = truth.Big.Households[1].Id }, "aliases", aliases.Values.Distinct().ToArray(), aliases);
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
            """, new { ids }, "fragments", BothChecked);
    }

    [Fact]
    public async Task Variables_and_directives_do_not_unmask_anything()
    {
        var (truth, _) = await Setup();
        await AssertPublicSafe($$"""
            query($id: ID!, $yes: Boolean!, $no: Boolean!) { node(id: $id) { ... on Household @include(if: $yes) {
              headIdNumber @include(if: $yes) phone @skip(if: $no) {{Protected}}
              members(first: 10) { nodes { idNumber @include(if: $yes) {{PersonProtected}} } } } } }
            """, new { id = truth.Big.Households[2].Id, yes = true, no = false }, "variables/directives", BothChecked);
    }

    [Fact]
    public async Task Researcher_sees_no_names_ids_or_phones()
    {
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync($$"""
            query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) { nodes { headName headIdNumber phone members { nodes { {{PersonProtected}} } } } } }
            """, new { v = truth.Big.Id }, Tokens.Researcher);
        Assert.True(status == 200 && body["errors"] == null, $"researcher: {status} {Shorten(Text(body))}");
        var seen = new Dictionary<string, int>();
        foreach (var (name, value) in Properties(body))
        {
            if (name is "headName" or "headIdNumber" or "phone" or "name" or "idNumber")
                Assert.True(value == null, $"LEAK (researcher): {name} = {value}");
            else if (name == "birthDate")
                Assert.Matches(@"^\d{4}$", value!.ToString());
            else continue;
            seen[name] = seen.GetValueOrDefault(name) + 1;
        }
        // Every household and member of the village came back and was checked.
        var persons = truth.Big.Households.Sum(h => h.Members.Count);
        Assert.Equal(truth.Big.Households.Count, seen.GetValueOrDefault("headIdNumber"));
        Assert.Equal(persons, seen.GetValueOrDefault("idNumber"));
        Assert.Equal(persons, seen.GetValueOrDefault("birthDate"));
        AssertNoIdentifiers(body, truth.AllHouseholds, "researcher");
    }
    /// <summary>
    /// The whole dataset, PUBLIC against the database, row by row: every masked name keeps a strict prefix (the surname)
    /// and never the whole name; every other protected field is null or the year only.
    /// </summary>
    [Fact]
    public async Task Every_household_and_person_in_the_dataset_is_masked_for_public()
    {
        const string query = """
            query($after: String) { households(first: 500, after: $after) { pageInfo { hasNextPage endCursor }
              nodes { id headName headIdNumber phone primaryCause annualIncomePerCapita members(first: 50) { nodes { id name idNumber birthDate } } } } }
            """;
        var published = new Dictionary<string, System.Text.Json.Nodes.JsonNode>();
        string? after = null;
        do
        {
            var page = (await _server.QueryAsync(query, new { after }))["households"]!;
            foreach (var h in page["nodes"]!.AsArray())
            {
                published[h!["id"]!.ToString()] = h;
                foreach (var p in h["members"]!["nodes"]!.AsArray()) published[p!["id"]!.ToString()] = p;
            }
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? page["pageInfo"]!["endCursor"]!.ToString() : null;
        } while (after != null);

        // The rows themselves, from the database: every name and birth date as stored.
        var exact = new Dictionary<string, Dictionary<string, string>>();
        using (var connection = _server.Database.Open())
        {
            foreach (var r in connection.Rows("SELECT \"Id\", \"HeadName\" FROM \"Households\""))
                exact[IdOf("Household", r[0]!)] = new() { ["headName"] = (string)r[1]! };
            foreach (var r in connection.Rows("SELECT \"Id\", \"Name\", \"BirthDate\" FROM \"Persons\""))
                exact[IdOf("Person", r[0]!)] = new() { ["name"] = (string)r[1]!, ["birthDate"] = Date(r[2]!) };
        }
        Assert.Equal(5832 + 11609, exact.Count);
        Assert.Equal(exact.Keys.Order(StringComparer.Ordinal), published.Keys.Order(StringComparer.Ordinal));
        var leaks = new List<string>();
        foreach (var (id, row) in exact)
        {
            var pub = published[id];
            foreach (var nameField in new[] { "headName", "name" })
            {
                if (!row.TryGetValue(nameField, out var full)) continue;
                var masked = pub[nameField]?.ToString();
                var prefix = masked?.TrimEnd('*');
                if (masked == null || !masked.EndsWith('*') || prefix!.Length >= full.Length || !full.StartsWith(prefix, StringComparison.Ordinal))
                    leaks.Add($"{id}.{nameField}: {full} → {masked}");
            }
            foreach (var hidden in new[] { "headIdNumber", "phone", "primaryCause", "annualIncomePerCapita", "idNumber" })
                if (pub[hidden] != null) leaks.Add($"{id}.{hidden} = {pub[hidden]}");
            if (row.TryGetValue("birthDate", out var birth) && pub["birthDate"]?.ToString() != birth[..4])
                leaks.Add($"{id}.birthDate = {pub["birthDate"]}");
        }
        Assert.True(leaks.Count == 0, $"LEAK: {leaks.Count} values shown beyond the PUBLIC level:\n" + string.Join("\n", leaks.Take(50)));
    }

    [Fact]
    public async Task Dataset_and_me_reveal_no_personal_data()
    {
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync("""
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
