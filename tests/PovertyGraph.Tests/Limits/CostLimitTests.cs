using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Cost;
using Xunit.Abstractions;

namespace PovertyGraph.Tests.Limits;

/// <summary>
/// Cost analysis before execution: the hostile shapes of the issue are refused with their cost in the error, before any
/// SQL runs; the cost a caller is told agrees with the README's model computed from the database; budgets are per role.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CostLimitTests(PovertyGraphFactory factory, ITestOutputHelper output)
{
    private SqlCommandLog Sql => factory.Services.GetRequiredService<SqlCommandLog>();

    private async Task<(int Status, JsonNode Body)> SendAsync(string query, string? token = null, string? costHeader = null, object? variables = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (costHeader != null) request.Headers.Add("GraphQL-Cost", costHeader);
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms, {query.Length:N0} characters"); // for the reader, not asserted
        return ((int)response.StatusCode, JsonNode.Parse(text)!);
    }

    /// <summary>Sends a document that must be refused before any SQL; returns its errors by code.</summary>
    private async Task<Dictionary<string, JsonNode>> RefusedAsync(string query, string? token = null)
    {
        await CostModel.OfAsync(factory); // statistics loaded, so anything after is the request's own SQL
        var before = Sql.Count;
        var (status, body) = await SendAsync(query, token);
        Assert.Equal(before, Sql.Count);
        Assert.Equal(400, status);
        Assert.Null(body["data"]);
        var errors = body["errors"]!.AsArray().Select(e => e!).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.NotNull(e["extensions"]!["cost"])); // every refusal says what it would cost
        return errors.ToDictionary(e => (string)e["extensions"]!["code"]!, e => e);
    }

    private static (long Requested, long Limit) CostOf(JsonNode error) =>
        ((long)error["extensions"]!["cost"]!["requested"]!, (long)error["extensions"]!["cost"]!["limit"]!);

    [Fact]
    public async Task Two_thousand_aliased_aggregates_over_all_households_are_refused_with_their_cost()
    {
        var model = await CostModel.OfAsync(factory);
        var query = "{ " + string.Concat(Enumerable.Range(0, 2000).Select(i => $"a{i}: households {{ aggregates {{ count }} }} ")) + "}";
        var errors = await RefusedAsync(query);
        var expected = 2000 * (1 + CostModel.Scan(model.Households));
        Assert.Equal((expected, CostModel.PublicBudget), CostOf(errors[CostLimitError.CostCode]));
        Assert.Contains($"{expected:N0} points", (string)errors[CostLimitError.CostCode]["message"]!);
        Assert.Contains("2,000 aliased fields", (string)errors[CostLimitError.AliasesCode]["message"]!);
        Assert.Contains("6,000 fields", (string)errors[CostLimitError.FieldsCode]["message"]!);
    }

    [Fact]
    public async Task Ten_thousand_aliased_connections_are_refused_with_their_cost()
    {
        var model = await CostModel.OfAsync(factory);
        var query = "{ " + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"c{i}: villages {{ totalCount }} ")) + "}";
        var errors = await RefusedAsync(query);
        Assert.Equal((10_000 * (1 + CostModel.Scan(model.Villages)), CostModel.PublicBudget), CostOf(errors[CostLimitError.CostCode]));
        Assert.True(errors.ContainsKey(CostLimitError.AliasesCode));
    }

    /// <summary>Fragment L<i>k</i> spreads L<i>k+1</i> twice, under two aliases, so the document's fields double at every level.</summary>
    private static string DoublingFragments(int levels, int pageSize)
    {
        var text = new StringBuilder("query Doubling { counties(first: 1) { nodes { ...L0 } } }\n");
        for (var k = 0; k < levels; k++)
        {
            text.Append($"fragment L{k} on County {{ a: villages(first: {pageSize}) {{ nodes {{ county {{ ...L{k + 1} }} }} }} " +
                        $"b: villages(first: {pageSize}) {{ nodes {{ county {{ ...L{k + 1} }} }} }} }}\n");
        }

        text.Append($"fragment L{levels} on County {{ name }}\n");
        return text.ToString();
    }

    [Fact]
    public async Task Fragments_that_spread_each_other_twice_per_level_are_costed_without_expanding_them()
    {
        var model = await CostModel.OfAsync(factory);
        const int levels = 6, pageSize = 3; // depth 2 + 3 × 6 + 1 = 21: within the depth limit
        // Per occurrence of L(k): two connections, each a point, a page of rows, and per row a county and L(k+1).
        var rows = Math.Min(pageSize, model.VillagesPerCounty);
        long level = 0, fields = 1, aliases = 0; // L(levels) = { name }: free, one field
        for (var k = 0; k < levels; k++)
        {
            level = 2 * (1 + rows + rows * (1 + level));
            fields = 2 * (3 + fields);
            aliases = 2 * (1 + aliases);
        }
        var expected = 1 + Math.Min(1, model.Counties) * (1 + level);
        var errors = await RefusedAsync(DoublingFragments(levels, pageSize));
        Assert.Equal((expected, CostModel.PublicBudget), CostOf(errors[CostLimitError.CostCode]));
        Assert.Equal(CostLimitError.CostCode, Assert.Single(errors).Key);
        // What makes it too expensive is the multiplication, not the number of fields or aliases.
        Assert.True(expected > CostModel.PublicBudget);
        Assert.True(fields + 2 < 2000 && aliases < 200, $"{fields} fields, {aliases} aliases");
    }

    [Fact]
    public async Task Sixty_levels_of_doubling_fragments_are_refused_at_once()
    {
        // 2⁶⁰ fields if expanded; the analysis visits each fragment once. The cost saturates.
        var errors = await RefusedAsync(DoublingFragments(60, 50));
        Assert.Equal((long.MaxValue, CostModel.PublicBudget), CostOf(errors[CostLimitError.CostCode]));
        Assert.True(errors.ContainsKey(CostLimitError.DepthCode));
        Assert.True(errors.ContainsKey(CostLimitError.FieldsCode));
        Assert.True(errors.ContainsKey(CostLimitError.AliasesCode));
    }

    private const string VillagePage = """
        query Page($after: String) {
          villages(first: 50, after: $after, order: [{ county: { name: ASC } }, { name: ASC }], where: { registered: { eq: true } }) {
            totalCount
            edges { cursor node { id name plannedExitYear county { name } township { name } } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    /// <summary>The village page: a connection, its total, 50 rows, and a county and a township per row.</summary>
    private static long VillagePageCost(CostModel model) => 1 + CostModel.Scan(model.Villages) + 50 + 50 * 2;

    [Fact]
    public async Task Report_adds_the_cost_to_a_normal_answer()
    {
        var model = await CostModel.OfAsync(factory);
        var (status, body) = await SendAsync(VillagePage, costHeader: "report");
        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal(50, body["data"]!["villages"]!["edges"]!.AsArray().Count);
        Assert.Equal(VillagePageCost(model), (long)body["extensions"]!["cost"]!["requested"]!);
        Assert.Equal(CostModel.PublicBudget, (long)body["extensions"]!["cost"]!["limit"]!);

        var (_, plain) = await SendAsync(VillagePage);
        Assert.Null(plain["extensions"]?["cost"]); // only when asked
    }

    [Fact]
    public async Task Validate_answers_with_the_cost_and_runs_nothing()
    {
        var model = await CostModel.OfAsync(factory);
        var before = Sql.Count;
        var (status, body) = await SendAsync(VillagePage, costHeader: "validate");
        Assert.Equal(before, Sql.Count);
        Assert.Equal(200, status);
        Assert.Null(body["data"]);
        Assert.Null(body["errors"]);
        Assert.Equal(VillagePageCost(model), (long)body["extensions"]!["cost"]!["requested"]!);

        var (refusedStatus, refused) = await SendAsync(DoublingFragments(6, 3), costHeader: "validate");
        Assert.Equal(before, Sql.Count);
        Assert.Equal(400, refusedStatus);
        Assert.Equal(CostLimitError.CostCode, (string)refused["errors"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task An_unknown_cost_header_is_a_clear_error()
    {
        var (status, body) = await SendAsync(VillagePage, costHeader: "estimate");
        Assert.Equal(400, status);
        Assert.Contains("GraphQL-Cost", (string)body["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task Budgets_are_per_role()
    {
        var model = await CostModel.OfAsync(factory);
        // Per alias: the connection, a read of every household, a point per group and a village per group.
        var groups = Math.Min(Math.Min(CostModel.MaxGroups, model.Villages + 1), model.Households);
        var perAlias = 1 + CostModel.Scan(model.Households) + 2 * groups;
        var aliases = (int)(CostModel.PublicBudget / perAlias) + 1;
        Assert.True(aliases * perAlias <= CostModel.ResearcherBudget && aliases <= 200);
        var query = "{ " + string.Concat(Enumerable.Range(0, aliases).Select(i =>
            $"g{i}: households {{ groupedAggregates(groupBy: [VILLAGE], first: {CostModel.MaxGroups}) {{ keys {{ village {{ name }} }} count }} }} ")) + "}";

        var errors = await RefusedAsync(query);
        Assert.Equal((aliases * perAlias, CostModel.PublicBudget), CostOf(errors[CostLimitError.CostCode]));
        Assert.Contains("PUBLIC budget of 25,000", (string)errors[CostLimitError.CostCode]["message"]!);

        var (status, body) = await SendAsync(query, Tokens.Researcher, costHeader: "report");
        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.NotEmpty(body["data"]!["g0"]!["groupedAggregates"]!.AsArray());
        Assert.Equal(aliases * perAlias, (long)body["extensions"]!["cost"]!["requested"]!);
        Assert.Equal(CostModel.ResearcherBudget, (long)body["extensions"]!["cost"]!["limit"]!);
    }
}
