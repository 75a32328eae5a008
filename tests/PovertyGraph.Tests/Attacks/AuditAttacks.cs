using System.Text.Json.Nodes;
using static PovertyGraph.Tests.Attacks.AttackSupport;
using static PovertyGraph.Tests.Attacks.AttackTruth;

namespace PovertyGraph.Tests.Attacks;

/// <summary>The audit log: readable by ADMIN only, by any path; and every full disclosure is in it, whatever shape the request had.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditAttacks
{
    private readonly AttackServer _server;

    public AuditAttacks(PovertyGraphFactory factory) => _server = new AttackServer(factory);

    public static TheoryData<string> NonAdmins => new() { "public", "researcher", "ngo", "official" };

    private static string? TokenFor(string role) => role switch
    {
        "public" => null, "researcher" => Tokens.Researcher, "ngo" => Tokens.Ngo(), "official" => Tokens.Official, _ => Tokens.Admin,
    };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task Only_admin_reads_the_audit_log(string role)
    {
        await _server.QueryAsync("{ households(first: 2) { nodes { headName phone } } }", token: Tokens.Official);
        var token = TokenFor(role);
        foreach (var query in new[]
        {
            "{ auditEntries { totalCount } }",
            "{ auditEntries(first: 5) { nodes { subject role householdIds fields queryHash } } }",
            "{ auditEntries { aggregates { count sum { householdCount } max { householdCount } } } }",
            "{ auditEntries { groupedAggregates(groupBy: [HOUSEHOLD_COUNT]) { keys { householdCount } count } } }",
            "{ x: auditEntries(where: { role: { eq: \"OFFICIAL\" } }) { edges { cursor node { at } } pageInfo { hasNextPage } } }",
        })
        {
            var (status, body) = await _server.PostAsync(query, token: token);
            AssertRefused(status, body, $"{role}: {query}");
            Assert.Equal("FORBIDDEN_FIELD", body["errors"]![0]!["extensions"]!["code"]!.ToString());
            Assert.Contains("readable by the ADMIN role only", body["errors"]![0]!["message"]!.ToString());
        }
        var ids = Enumerable.Range(1, 20).Select(i => IdOf("AuditEntry", i)).ToList();
        var nodes = await _server.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on AuditEntry { subject householdIds } } }", new { ids }, token);
        Assert.Equal(ids.Count, nodes["nodes"]!.AsArray().Count);
        Assert.All(nodes["nodes"]!.AsArray(), n => Assert.Null(n));
    }

    [Fact]
    public async Task Admin_does_read_it_by_node_too()
    {
        await _server.QueryAsync("{ households(first: 1) { nodes { headName } } }", token: Tokens.Official);
        var data = await _server.QueryAsync("{ node(id: \"" + IdOf("AuditEntry", 1) + "\") { id ... on AuditEntry { role } } }", token: Tokens.Admin);
        Assert.NotNull(data["node"]);
    }

    private async Task<JsonArray> EntriesAsync(string operationName)
    {
        var data = await _server.QueryAsync("""
            query($op: String) { auditEntries(first: 50, where: { operationName: { eq: $op } }) { nodes { role organization subject householdIds householdCount fields } } }
            """, new { op = operationName }, Tokens.Admin);
        return data["auditEntries"]!["nodes"]!.AsArray();
    }

    [Fact]
    public async Task An_official_reading_full_identifiers_is_audited_and_a_public_masked_read_is_not()
    {
        var truth = await TruthAsync(_server);
        var h = truth.Big.Households[3];
        var op = "AuditProbe" + Guid.NewGuid().ToString("N")[..8];
        var query = $"query {op}($id: ID!) {{ node(id: $id) {{ ... on Household {{ headName phone headIdNumber }} }} }}";
        await _server.QueryAsync(query, new { id = h.Id }, Tokens.Official);
        var entries = await EntriesAsync(op);
        var entry = Assert.Single(entries);
        Assert.Equal("OFFICIAL", entry!["role"]!.ToString());
        Assert.Contains(h.Id, entry["householdIds"]!.ToString());
        Assert.Contains("Household.headIdNumber", entry["fields"]!.ToString());

        var publicOp = op + "Public";
        await _server.QueryAsync(query.Replace(op, publicOp), new { id = h.Id });
        Assert.Empty(await EntriesAsync(publicOp));
        var researcherOp = op + "Researcher";
        await _server.QueryAsync(query.Replace(op, researcherOp), new { id = h.Id }, Tokens.Researcher);
        Assert.Empty(await EntriesAsync(researcherOp));
    }

    [Fact]
    public async Task Ngo_full_reads_in_partner_villages_are_audited_with_the_organisation()
    {
        var truth = await TruthAsync(_server);
        var op = "NgoProbe" + Guid.NewGuid().ToString("N")[..8];
        await _server.QueryAsync($"query {op}($v: ID!) {{ households(first: 3, where: {{ village: {{ id: {{ eq: $v }} }} }}) {{ nodes {{ headName }} }} }}",
            new { v = truth.Partner.Id }, Tokens.Ngo());
        var entry = Assert.Single(await EntriesAsync(op));
        Assert.Equal("NGO", entry!["role"]!.ToString());
        Assert.Equal(Tokens.JiaoheNgo, entry["organization"]!.ToString());
        Assert.Equal(3, (int)entry["householdCount"]!);
        Assert.Contains("Household.headName", entry["fields"]!.ToString());
        var personOp = op + "Person";
        var person = truth.Partner.Households[0].Members[0];
        var read = await _server.QueryAsync($"query {personOp}($p: ID!) {{ node(id: $p) {{ ... on Person {{ name }} }} }}", new { p = person.Id }, Tokens.Ngo());
        Assert.Equal(person.Name, read["node"]!["name"]!.ToString());
        var personEntry = Assert.Single(await EntriesAsync(personOp));
        Assert.Contains("Person.name", personEntry!["fields"]!.ToString());
        // The same NGO outside its villages sees masked names only: nothing to audit.
        var elsewhere = op + "Elsewhere";
        await _server.QueryAsync($"query {elsewhere}($v: ID!) {{ households(first: 3, where: {{ village: {{ id: {{ eq: $v }} }} }}) {{ nodes {{ headName }} }} }}",
            new { v = truth.Big.Id }, Tokens.Ngo());
        Assert.Empty(await EntriesAsync(elsewhere));
    }

    /// <summary>Full identifiers returned next to an error, through aliases, over GET or in an unnamed fragment are still audited.</summary>
    [Fact]
    public async Task Disclosures_cannot_escape_the_audit_log_by_the_shape_of_the_request()
    {
        var truth = await TruthAsync(_server);
        var h = truth.Big.Households[4];

        var partial = "Partial" + Guid.NewGuid().ToString("N")[..8];
        var (_, body) = await _server.PostAsync($$"""
            query {{partial}}($id: ID!) { a: node(id: $id) { ... on Household { x: headIdNumber } } b: node(id: "not-an-id") { id } }
            """, new { id = h.Id }, Tokens.Official);
        Assert.Equal(h.HeadIdNumber, body["data"]?["a"]?["x"]?.ToString());
        Assert.True((await EntriesAsync(partial)).Count == 1, $"LEAK: full ID number returned next to an error without an audit entry: {Text(body)}");

        var viaGet = "Get" + Guid.NewGuid().ToString("N")[..8];
        var (status, text) = await _server.SendAsync(Get($"query {viaGet}($id: ID!) {{ node(id: $id) {{ ...F }} }} fragment F on Household {{ phone }}", new { id = h.Id }, Tokens.Official));
        Assert.Equal(200, status);
        Assert.Contains(h.Phone, text);
        Assert.True((await EntriesAsync(viaGet)).Count == 1, "LEAK: a full phone read over GET through a fragment was not audited");
    }
}
