using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static PovertyGraph.Tests.Attacks.AttackSupport;
using static PovertyGraph.Tests.Attacks.AttackTruth;

namespace PovertyGraph.Tests.Attacks;

/// <summary>Crafted global IDs for node/nodes, and cursor manipulation: decoding, altering, forging, replaying.</summary>
[Collection(ApiCollection.Name)]
public sealed class NodeAndCursorAttacks
{
    private readonly AttackServer _server;

    public NodeAndCursorAttacks(PovertyGraphFactory factory) => _server = new AttackServer(factory);

    private const string Protected = "headName headIdNumber phone primaryCause annualIncomePerCapita";

    [Fact]
    public async Task Guessed_household_and_person_ids_are_masked()
    {
        var truth = await TruthAsync(_server);
        var ids = new[] { IdOf("Household", 1), IdOf("Person", 1), IdOf("Household", 2), IdOf("Person", 2), IdOf("Household", 5832), IdOf("Person", 11609) };
        var (status, body) = await _server.PostAsync($$"""
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Household { {{Protected}} members { nodes { name idNumber birthDate } } } ... on Person { name idNumber birthDate household { {{Protected}} } } } }
            """, new { ids });
        Assert.Equal(ids.Length, body["data"]!["nodes"]!.AsArray().Count);
        Assert.All(body["data"]!["nodes"]!.AsArray(), n => Assert.NotNull(n));
        AssertPublicAnswer(status, body, "guessed IDs", ["headName", "headIdNumber", "phone", "primaryCause", "annualIncomePerCapita", "idNumber", "birthDate"]);
        // The guessed households' and persons' secrets, from the database.
        List<HouseholdTruth> guessed;
        using (var connection = _server.Database.Open())
            guessed = Households(connection, "h.\"Id\" IN (1, 2, 5832) OR h.\"Id\" IN (SELECT p.\"HouseholdId\" FROM \"Persons\" p WHERE p.\"Id\" IN (1, 2, 11609))");
        Assert.True(guessed.Count >= 3);
        AssertNoIdentifiers(body, guessed.Concat(truth.AllHouseholds), "guessed IDs");
    }

    /// <summary>A well-formed ID of a hidden or missing row is null without an error; a malformed one is a BAD_ARGUMENT. Either way, no data.</summary>
    [Theory]
    [InlineData("AuditEntry:1", false)]
    [InlineData("AuditEntry:2", false)]
    [InlineData("Secret:1", true)]
    [InlineData("Household:-1", false)]
    [InlineData("Household:99999999999999", true)]
    [InlineData("Household:1 OR 1=1", true)]
    [InlineData("Household:1; DROP TABLE Households", true)]
    [InlineData("Person:0x1", true)]
    [InlineData("SourceDocument:' OR '1'='1", false)]
    [InlineData("household:1", true)]
    [InlineData("Household:1:2", true)]
    public async Task Crafted_ids_return_null_or_an_error_and_no_data(string raw, bool malformed)
    {
        // Make sure audit entries exist, so that AuditEntry:1 would be found if the check were missing.
        await _server.QueryAsync("{ households(first: 1) { nodes { headName } } }", token: Tokens.Official);
        var id = IdOf(raw.Split(':')[0], raw[(raw.IndexOf(':') + 1)..]);
        foreach (var token in new[] { null, Tokens.Ngo(), Tokens.Official, Tokens.Researcher })
        {
            var (status, body) = await _server.PostAsync("""
                query($id: ID!) { node(id: $id) { __typename id ... on AuditEntry { subject role householdIds fields } ... on Household { headIdNumber phone } } }
                """, new { id }, token);
            Assert.Equal(200, status);
            var node = body["data"]?["node"];
            Assert.True(node == null, $"LEAK? {raw} as {(token == null ? "PUBLIC" : "a token")} returned {Text(body)}");
            if (malformed)
            {
                AssertRefused(status, body, raw);
                Assert.Equal("BAD_ARGUMENT", body["errors"]![0]!["extensions"]!["code"]!.ToString());
                Assert.Contains("is not a valid global ID", body["errors"]![0]!["message"]!.ToString());
            }
            else
            {
                Assert.True(body["errors"] == null && body["data"] is JsonObject { Count: 1 }, $"{raw}: expected node: null, got {Text(body)}");
            }

            Assert.DoesNotContain("Exception", Text(body));
        }
    }

    [Fact]
    public async Task Nodes_with_a_thousand_ids_is_refused_without_data()
    {
        var ids = Enumerable.Range(1, 1000).Select(i => IdOf("Household", i)).ToList();
        var (status, body) = await _server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Household { headName } } }", new { ids });
        AssertRefused(status, body, "nodes(1000 ids)");
    }

    [Fact]
    public async Task A_public_cursor_carries_only_public_sort_keys()
    {
        var truth = await TruthAsync(_server);
        var data = await _server.QueryAsync("query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) { edges { cursor } } }", new { v = truth.Big.Id });
        Assert.Equal(truth.Big.Households.Count, data["households"]!["edges"]!.AsArray().Count);
        foreach (var edge in data["households"]!["edges"]!.AsArray())
        {
            var cursor = edge!["cursor"]!.ToString();
            var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor.AsSpan(0, cursor.IndexOf('.'))));
            Assert.Matches(@"^\[\d+\]$", json); // the row ID only
        }
    }

    [Fact]
    public async Task An_official_cursor_under_a_hidden_order_cannot_be_replayed_by_public()
    {
        var truth = await TruthAsync(_server);
        var official = await _server.QueryAsync("""
            query($v: ID!) { households(first: 3, where: { village: { id: { eq: $v } } }, order: [{ annualIncomePerCapita: ASC }]) { edges { cursor } } }
            """, new { v = truth.Big.Id }, Tokens.Official);
        var cursor = official["households"]!["edges"]![1]!["cursor"]!.ToString();
        foreach (var (order, token) in new[] { ("[{ annualIncomePerCapita: ASC }]", (string?)null), ("[]", null), ("[{ memberCount: ASC }]", null), ("[{ annualIncomePerCapita: ASC }]", Tokens.Ngo()) })
        {
            var (status, body) = await _server.PostAsync($$"""
                query($v: ID!, $c: String) { households(first: 3, after: $c, where: { village: { id: { eq: $v } } }, order: {{order}}) { totalCount edges { cursor node { id } } } }
                """, new { v = truth.Big.Id, c = cursor }, token);
            AssertRefused(status, body, $"official cursor replayed under {order}");
        }
    }

    [Fact]
    public async Task Altered_and_cross_order_cursors_are_refused()
    {
        var data = await _server.QueryAsync("{ households(first: 3, order: [{ registeredYear: ASC }]) { edges { cursor } } }");
        var cursor = data["households"]!["edges"]![1]!["cursor"]!.ToString();
        var dot = cursor.IndexOf('.');
        var values = JsonNode.Parse(Base64Url.DecodeFromChars(cursor.AsSpan(0, dot)))!.AsArray();
        values[^1] = (int)values[^1]! + 1;
        var altered = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(values.ToJsonString())) + cursor[dot..];
        var truncated = cursor[..(cursor.Length - 2)];
        var cases = new[]
        {
            (altered, "[{ registeredYear: ASC }]"),
            (truncated, "[{ registeredYear: ASC }]"),
            (cursor, "[{ plannedExitYear: ASC }]"),
            (cursor, "[{ registeredYear: DESC }]"),
            (cursor[..dot], "[{ registeredYear: ASC }]"),
            ("W10.AAAAAAAAAAAAAAAA", "[]"),
        };
        foreach (var (c, order) in cases)
        {
            var (status, body) = await _server.PostAsync($"query($c: String) {{ households(first: 2, after: $c, order: {order}) {{ nodes {{ id }} }} }}", new { c });
            AssertRefused(status, body, $"cursor {c} under {order}");
            Assert.DoesNotContain("Exception", Text(body));
        }
    }

    /// <summary>
    /// Forging a cursor with the development cursor key (public in the source) for the default order: at most a
    /// keyset position over public keys; a value of the wrong type is refused as any bad cursor is, without internals
    /// in the message; a cursor for an order PUBLIC may not use is refused for the order.
    /// </summary>
    [Theory]
    [InlineData("id", "[5]", "[]", null)]
    [InlineData("Household.memberCount|id", "[3, 100]", "[{ memberCount: ASC }]", null)]
    [InlineData("id", "[\"abc\"]", "[]", "BAD_ARGUMENT")]
    [InlineData("id", "[1.5]", "[]", "BAD_ARGUMENT")]
    [InlineData("Household.memberCount|id", "[{\"a\":1}, 1]", "[{ memberCount: ASC }]", "BAD_ARGUMENT")]
    [InlineData("Household.annualIncomePerCapita|id", "[2000, 1]", "[{ annualIncomePerCapita: ASC }]", "FORBIDDEN_FIELD")]
    public async Task Forged_cursors_reveal_nothing(string order, string json, string gql, string? expectedCode)
    {
        var key = Encoding.UTF8.GetBytes("povertygraph-development-cursor-key");
        var bytes = Encoding.UTF8.GetBytes(json);
        var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(order + "\n").Concat(bytes).ToArray())[..12];
        var forged = Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(signature);
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync($$"""
            query($c: String) { households(first: 5, after: $c, order: {{gql}}) { nodes { id memberCount {{Protected}} } } }
            """, new { c = forged });
        if (expectedCode == null)
        {
            // A keyset position: the five rows after it, masked.
            AssertPublicAnswer(status, body, $"forged cursor {json}", ["headName", "headIdNumber", "phone", "primaryCause", "annualIncomePerCapita"]);
            var nodes = body["data"]!["households"]!["nodes"]!.AsArray();
            Assert.Equal(5, nodes.Count);
            var position = JsonNode.Parse(json)!.AsArray().Select(v => (int)v!).ToArray();
            var first = (Members: (int)nodes[0]!["memberCount"]!, Id: KeyOf(nodes[0]!["id"]!.ToString()));
            Assert.True(position.Length == 1 ? first.Id > position[0] : (first.Members, first.Id).CompareTo((position[0], position[1])) > 0,
                $"forged cursor {json}: the page does not start after it: {Text(body)}");
        }
        else
        {
            AssertRefused(status, body, $"forged cursor {json}");
            Assert.Equal(expectedCode, body["errors"]![0]!["extensions"]!["code"]!.ToString());
        }
        AssertNoIdentifiers(body, truth.AllHouseholds, "forged cursor");
        Assert.DoesNotContain("Exception", Text(body));
        Assert.DoesNotContain("resolve field", Text(body));
    }
}
