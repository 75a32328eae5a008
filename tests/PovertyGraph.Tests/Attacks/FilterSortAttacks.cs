using static PovertyGraph.Tests.Attacks.AttackSupport;
using static PovertyGraph.Tests.Attacks.AttackTruth;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// Filters and sorts used as oracles: a PUBLIC caller that may not see a field must not be able to filter or sort
/// on it by any path (directly, nested, inside and/or, from other types), and the refusal must not depend on the
/// value asked about.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FilterSortAttacks
{
    private readonly AttackServer _server;

    public FilterSortAttacks(PovertyGraphFactory factory) => _server = new AttackServer(factory);

    /// <summary>Fields that are not even in the filter input: a validation error, no data.</summary>
    [Theory]
    [InlineData("households", "headName: { startsWith: \"王\" }")]
    [InlineData("households", "headIdNumber: { startsWith: \"220281\" }")]
    [InlineData("households", "phone: { contains: \"100\" }")]
    [InlineData("households", "members: { some: { name: { eq: \"王伟\" } } }")]
    [InlineData("households", "members: { some: { idNumber: { startsWith: \"2202811956\" } } }")]
    [InlineData("households", "members: { some: { birthDate: { gt: \"1956-01-01\" } } }")]
    [InlineData("villages", "households: { some: { headIdNumber: { eq: \"220281195610309017\" } } }")]
    public async Task Identifier_fields_cannot_be_filtered_on(string root, string filter)
    {
        var (status, body) = await _server.PostAsync($"{{ {root}(where: {{ {filter} }}) {{ totalCount nodes {{ id }} }} }}");
        AssertRefused(status, body, filter);
        AssertUnknownInputField(status, body);
    }

    [Theory]
    [InlineData("{ households(where: { primaryCause: { eq: ILLNESS } }) { totalCount } }")]
    [InlineData("{ households(where: { primaryCause: { neq: ILLNESS } }) { nodes { id } } }")]
    [InlineData("{ households(where: { primaryCause: { in: [ILLNESS, DISABILITY] } }) { aggregates { count } } }")]
    [InlineData("{ households(where: { primaryCause: { nin: [ILLNESS] } }) { groupedAggregates(groupBy: [VILLAGE]) { count } } }")]
    [InlineData("{ households(where: { primaryCause: { eq: null } }) { totalCount } }")]
    [InlineData("{ households(where: { annualIncomePerCapita: { gt: 3000 } }) { totalCount } }")]
    [InlineData("{ households(where: { annualIncomePerCapita: { ngte: 3000 } }) { pageInfo { hasNextPage } } }")]
    [InlineData("{ households(where: { annualIncomePerCapita: { in: [2807] } }) { edges { cursor } } }")]
    [InlineData("{ households(where: { or: [{ memberCount: { gt: 100 } }, { annualIncomePerCapita: { lt: 1000 } }] }) { totalCount } }")]
    [InlineData("{ households(where: { and: [{ memberCount: { gte: 1 } }, { and: [{ primaryCause: { eq: DISASTER } }] }] }) { totalCount } }")]
    [InlineData("{ villages(where: { households: { some: { primaryCause: { eq: ILLNESS } } } }) { totalCount } }")]
    [InlineData("{ villages(where: { households: { all: { annualIncomePerCapita: { gt: 1000 } } } }) { nodes { id } } }")]
    [InlineData("{ villages(where: { households: { none: { primaryCause: { eq: EDUCATION } } } }) { totalCount } }")]
    [InlineData("{ townships(where: { villages: { some: { households: { some: { annualIncomePerCapita: { lt: 2000 } } } } } }) { totalCount } }")]
    [InlineData("{ projects(where: { village: { households: { some: { primaryCause: { eq: ILLNESS } } } } }) { totalCount } }")]
    [InlineData("{ households(where: { members: { some: { household: { primaryCause: { eq: ILLNESS } } } } }) { totalCount } }")]
    [InlineData("{ households(first: 1) { nodes { members(where: { household: { annualIncomePerCapita: { gt: 0 } } }) { totalCount } } } }")]
    [InlineData("{ villages(first: 3) { nodes { households(where: { primaryCause: { eq: ILLNESS } }) { totalCount aggregates { count } } } } }")]
    public async Task Hidden_fields_cannot_be_filtered_on_by_any_path(string query)
    {
        var (status, body) = await _server.PostAsync(query);
        AssertRefused(status, body, query);
        Assert.Equal("FORBIDDEN_FIELD", body["errors"]![0]!["extensions"]!["code"]!.ToString());
        var message = body["errors"]![0]!["message"]!.ToString();
        Assert.Matches("primaryCause|annualIncomePerCapita", message);
    }

    [Fact]
    public async Task The_refusal_does_not_depend_on_the_value_asked_about()
    {
        var truth = await TruthAsync(_server);
        var h = truth.Big.Households[0];
        var right = h.Income!.Value;
        var messages = new List<string>();
        foreach (var value in new[] { right, right + 1, 0m })
        {
            var (_, body) = await _server.PostAsync("query($id: ID!, $v: Decimal!) { households(where: { id: { eq: $id }, annualIncomePerCapita: { eq: $v } }) { totalCount } }",
                new { id = h.Id, v = value });
            Assert.Equal("FORBIDDEN_FIELD", body["errors"]![0]!["extensions"]!["code"]!.ToString());
            Assert.Null(body["data"]?["households"]);
            messages.Add(Comparable(body["errors"]));
        }
        Assert.All(messages, m => Assert.Equal(messages[0], m));
        Assert.DoesNotContain(right.ToString(System.Globalization.CultureInfo.InvariantCulture), messages[0]);
        var causeMessages = new List<string>();
        foreach (var cause in new[] { h.PrimaryCause!, h.PrimaryCause == "ILLNESS" ? "DISABILITY" : "ILLNESS" })
        {
            var (_, body) = await _server.PostAsync($"query($id: ID!) {{ households(where: {{ id: {{ eq: $id }}, primaryCause: {{ eq: {cause} }} }}) {{ totalCount }} }}", new { id = h.Id });
            Assert.Equal("FORBIDDEN_FIELD", body["errors"]![0]!["extensions"]!["code"]!.ToString());
            Assert.Null(body["data"]?["households"]);
            causeMessages.Add(body["errors"]![0]!["message"]!.ToString());
        }
        Assert.Equal(causeMessages[0], causeMessages[1]);
    }

    [Fact]
    public async Task A_forbidden_filter_passed_as_a_variable_is_refused_too()
    {
        var (status, body) = await _server.PostAsync("query($w: HouseholdFilterInput) { households(where: $w) { totalCount } }",
            new { w = new { primaryCause = new { eq = "ILLNESS" } } });
        AssertRefused(status, body, "variable filter");
        Assert.Equal("FORBIDDEN_FIELD", body["errors"]![0]!["extensions"]!["code"]!.ToString());
        (status, body) = await _server.PostAsync("query($w: HouseholdFilterInput) { households(where: $w) { totalCount } }",
            new { w = new { headIdNumber = new { startsWith = "220281" } } });
        AssertRefused(status, body, "variable filter on headIdNumber");
        Assert.Contains("headIdNumber", body["errors"]![0]!["message"]!.ToString());
    }

    [Theory]
    [InlineData("{ households(order: [{ primaryCause: ASC }]) { nodes { id } } }")]
    [InlineData("{ households(order: [{ annualIncomePerCapita: DESC }]) { edges { cursor } } }")]
    [InlineData("{ households(order: [{ memberCount: ASC }, { annualIncomePerCapita: ASC }]) { pageInfo { endCursor } } }")]
    [InlineData("{ households(first: 1) { nodes { members(order: [{ household: { annualIncomePerCapita: ASC } }]) { nodes { id } } } } }")]
    [InlineData("{ villages(first: 2) { nodes { households(order: [{ primaryCause: DESC }]) { nodes { id } } } } }")]
    public async Task Hidden_fields_cannot_be_sorted_on_by_any_path(string query)
    {
        var (status, body) = await _server.PostAsync(query);
        AssertRefused(status, body, query);
        Assert.Equal("FORBIDDEN_FIELD", body["errors"]![0]!["extensions"]!["code"]!.ToString());
        Assert.Matches("primaryCause|annualIncomePerCapita", body["errors"]![0]!["message"]!.ToString());
    }

    [Theory]
    [InlineData("{ households(order: [{ headName: ASC }]) { nodes { id } } }")]
    [InlineData("{ households(order: [{ phone: ASC }]) { nodes { id } } }")]
    [InlineData("{ households(first: 1) { nodes { members(order: [{ idNumber: ASC }]) { nodes { id } } } } }")]
    [InlineData("{ households(first: 1) { nodes { members(order: [{ birthDate: ASC }]) { nodes { id } } } } }")]
    public async Task Identifier_fields_cannot_be_sorted_on(string query)
    {
        var (status, body) = await _server.PostAsync(query);
        AssertRefused(status, body, query);
        AssertUnknownInputField(status, body);
    }

    /// <summary>The field is not in the input type at all: a validation error (400) before anything runs.</summary>
    private static void AssertUnknownInputField(int status, System.Text.Json.Nodes.JsonNode body)
    {
        Assert.Equal(400, status);
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", body["errors"]![0]!["extensions"]!["code"]!.ToString());
        Assert.Contains("Unknown field", body["errors"]![0]!["message"]!.ToString());
    }

    /// <summary>A page of one village sorted by every public key the SortInput offers keeps the identity of its rows hidden.</summary>
    [Fact]
    public async Task Public_sort_orders_reveal_nothing_about_hidden_fields()
    {
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync("""
            query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } },
              order: [{ memberCount: DESC }, { type: ASC }, { registeredYear: ASC }, { village: { name: ASC } }]) { edges { cursor node { headName headIdNumber phone primaryCause annualIncomePerCapita } } } }
            """, new { v = truth.Big.Id });
        AssertPublicAnswer(status, body, "public sort", ["headName", "headIdNumber", "phone", "primaryCause", "annualIncomePerCapita"]);
        Assert.Equal(truth.Big.Households.Count, body["data"]!["households"]!["edges"]!.AsArray().Count);
        AssertNoIdentifiers(body, truth.AllHouseholds, "public sort");
        // Every cursor decodes to public sort keys only: no hidden value travels in it.
        foreach (var edge in body["data"]!["households"]!["edges"]!.AsArray())
        {
            var cursor = edge!["cursor"]!.ToString();
            var json = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor.AsSpan(0, cursor.IndexOf('.'))));
            Assert.Equal(5, System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement[]>(json)!.Length);
            AssertNoIdentifiers(System.Text.Json.Nodes.JsonNode.Parse(json), truth.AllHouseholds, "cursor content");
        }
    }
}
