using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PovertyGraph.Tests.Infrastructure;
using static PovertyGraph.Tests.Attacks.AttackSupport;

namespace PovertyGraph.Tests.Attacks;

/// <summary>Crafted global IDs for node/nodes, and cursor manipulation: decoding, altering, forging, replaying.</summary>
[Collection(ApiCollection.Name)]
public sealed class NodeAndCursorAttacks(PovertyGraphFactory factory)
{
    private const string Protected = "headName headIdNumber phone primaryCause annualIncomePerCapita";

    [Fact]
    public async Task Guessed_household_and_person_ids_are_masked()
    {
        var truth = await TruthAsync(factory);
        var ids = new[] { IdOf("Household", 1), IdOf("Person", 1), IdOf("Household", 2), IdOf("Person", 2), IdOf("Household", 5832), IdOf("Person", 11609) };
        var (_, body) = await factory.PostAsync($$"""
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Household { {{Protected}} members { nodes { name idNumber birthDate } } } ... on Person { name idNumber birthDate household { {{Protected}} } } } }
            """, new { ids });
        Assert.Null(body["errors"]);
        Assert.All(body["data"]!["nodes"]!.AsArray(), n => Assert.NotNull(n));
        AssertPublicView(body, "guessed IDs");
        // Household 1's secrets, from OFFICIAL.
        var official = await factory.QueryAsync($$"""query($ids: [ID!]!) { nodes(ids: $ids) { ... on Household { {{HouseholdFields}} } } }""",
            new { ids = new[] { IdOf("Household", 1), IdOf("Household", 2), IdOf("Household", 5832) } }, Tokens.Official);
        AssertNoIdentifiers(body, official["nodes"]!.AsArray().Select(n => ParseHousehold(n!)).Concat(truth.AllHouseholds), "guessed IDs");
    }

    [Theory]
    [InlineData("AuditEntry:1")]
    [InlineData("AuditEntry:2")]
    [InlineData("Secret:1")]
    [InlineData("Household:-1")]
    [InlineData("Household:99999999999999")]
    [InlineData("Household:1 OR 1=1")]
    [InlineData("Household:1; DROP TABLE Households")]
    [InlineData("Person:0x1")]
    [InlineData("SourceDocument:' OR '1'='1")]
    [InlineData("household:1")]
    [InlineData("Household:1:2")]
    public async Task Crafted_ids_return_null_or_an_error_and_no_data(string raw)
    {
        // Make sure audit entries exist, so that AuditEntry:1 would be found if the check were missing.
        await factory.QueryAsync("{ households(first: 1) { nodes { headName } } }", token: Tokens.Official);
        var id = IdOf(raw.Split(':')[0], raw[(raw.IndexOf(':') + 1)..]);
        foreach (var token in new[] { null, Tokens.Ngo(), Tokens.Official, Tokens.Researcher })
        {
            var (status, body) = await factory.PostAsync("""
                query($id: ID!) { node(id: $id) { __typename id ... on AuditEntry { subject role householdIds fields } ... on Household { headIdNumber phone } } }
                """, new { id }, token);
            Assert.True(status is 200 or 400, $"{raw}: status {status}");
            var node = body["data"]?["node"];
            Assert.True(node == null, $"LEAK? {raw} as {(token == null ? "PUBLIC" : "a token")} returned {Text(body)}");
            Assert.DoesNotContain("Exception", Text(body));
        }
    }

    [Fact]
    public async Task Nodes_with_a_thousand_ids_is_refused_without_data()
    {
        var ids = Enumerable.Range(1, 1000).Select(i => IdOf("Household", i)).ToList();
        var (status, body) = await factory.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Household { headName } } }", new { ids });
        AssertRefused(status, body, "nodes(1000 ids)");
    }

    [Fact]
    public async Task A_public_cursor_carries_only_public_sort_keys()
    {
        var truth = await TruthAsync(factory);
        var data = await factory.QueryAsync("query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) { edges { cursor } } }", new { v = truth.Big.Id });
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
        var truth = await TruthAsync(factory);
        var official = await factory.QueryAsync("""
            query($v: ID!) { households(first: 3, where: { village: { id: { eq: $v } } }, order: [{ annualIncomePerCapita: ASC }]) { edges { cursor } } }
            """, new { v = truth.Big.Id }, Tokens.Official);
        var cursor = official["households"]!["edges"]![1]!["cursor"]!.ToString();
        foreach (var (order, token) in new[] { ("[{ annualIncomePerCapita: ASC }]", (string?)null), ("[]", null), ("[{ memberCount: ASC }]", null), ("[{ annualIncomePerCapita: ASC }]", Tokens.Ngo()) })
        {
            var (status, body) = await factory.PostAsync($$"""
                query($v: ID!, $c: String) { households(first: 3, after: $c, where: { village: { id: { eq: $v } } }, order: {{order}}) { totalCount edges { cursor node { id } } } }
                """, new { v = truth.Big.Id, c = cursor }, token);
            AssertRefused(status, body, $"official cursor replayed under {order}");
        }
    }

    [Fact]
    public async Task Altered_and_cross_order_cursors_are_refused()
    {
        var data = await factory.QueryAsync("{ households(first: 3, order: [{ registeredYear: ASC }]) { edges { cursor } } }");
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
            var (status, body) = await factory.PostAsync($"query($c: String) {{ households(first: 2, after: $c, order: {order}) {{ nodes {{ id }} }} }}", new { c });
            AssertRefused(status, body, $"cursor {c} under {order}");
            Assert.DoesNotContain("Exception", Text(body));
        }
    }

    /// <summary>
    /// Forging a cursor with the development cursor key (public in the source) for the default order: at most a
    /// keyset position over public keys; a value of the wrong type must not crash with internals in the message.
    /// </summary>
    [Fact]
    public async Task Forged_cursors_reveal_nothing()
    {
        var key = Encoding.UTF8.GetBytes("povertygraph-development-cursor-key");
        string Forge(string order, string json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(order + "\n").Concat(bytes).ToArray())[..12];
            return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(signature);
        }
        var truth = await TruthAsync(factory);
        foreach (var (order, json, gql) in new[]
        {
            ("id", "[\"abc\"]", "[]"),
            ("id", "[1.5]", "[]"),
            ("Household.annualIncomePerCapita|id", "[2000, 1]", "[{ annualIncomePerCapita: ASC }]"),
            ("Household.memberCount|id", "[{\"a\":1}, 1]", "[{ memberCount: ASC }]"),
        })
        {
            var (status, body) = await factory.PostAsync($$"""
                query($c: String) { households(first: 5, after: $c, order: {{gql}}) { nodes { {{Protected}} } } }
                """, new { c = Forge(order, json) });
            Assert.True(status is 200 or 400, $"forged cursor {json}: status {status}");
            AssertPublicView(body, "forged cursor");
            AssertNoIdentifiers(body, truth.AllHouseholds, "forged cursor");
            Assert.DoesNotContain("Exception", Text(body));
        }
    }
}
