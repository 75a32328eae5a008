namespace PovertyGraph.Tests.Api;

/// <summary>
/// A cached document is planned from its argument values on every request (literal or from variables), and merged
/// fields keep their own argument values under concurrent requests.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LiteralArgumentsTests(PovertyGraphFactory factory)
{
    private async Task<string> Json(string query, object? variables = null) =>
        (await factory.QueryAsync(query, variables, Tokens.Official)).ToJsonString();

    [Fact]
    public async Task A_literal_query_answers_the_same_from_the_cache()
    {
        // Each test its own alias: its own document.
        const string query = """
            { constantVillages: villages(where: {county: {name: {eq: "蛟河市"}}, plannedExitYear: {gte: 2017}},
                                         order: [{plannedExitYear: DESC}, {name: ASC}], first: 7) {
                totalCount nodes { id name plannedExitYear } } }
            """;
        var first = await Json(query);   // parsed and validated, then cached
        var second = await Json(query);  // cached
        var third = await Json(query);
        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Contains("\"plannedExitYear\":", third);
        Assert.Equal(7, System.Text.Json.Nodes.JsonNode.Parse(third)!["constantVillages"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Operations_with_variables_are_planned_with_each_requests_values()
    {
        const string query = "query($n: Int!) { variableVillages: villages(first: $n) { nodes { id } } }";
        await Json(query, new { n = 1 });
        foreach (var n in new[] { 1, 3, 2, 3 })
        {
            var nodes = System.Text.Json.Nodes.JsonNode.Parse(await Json(query, new { n }))!["variableVillages"]!["nodes"]!.AsArray();
            Assert.Equal(n, nodes.Count);
        }
    }

    [Fact]
    public async Task Merged_fields_and_literal_directives_stay_right_under_concurrent_reuse()
    {
        // Execution merges the two `nodes` selections into a new field node and adds its arguments to the request's
        // argument table: each request needs its own table, or concurrent requests would write into a shared one.
        const string query = """
            { mergedVillages: villages(first: 3, order: [{name: ASC}]) {
                nodes { id } nodes { name plannedExitYear @skip(if: true) }
                projectsAlias: nodes { projects(first: 1) { totalCount } } } }
            """;
        var expected = await Json(query);
        await Json(query);
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Json(query)));
        Assert.All(answers, answer => Assert.Equal(expected, answer));
        var nodes = System.Text.Json.Nodes.JsonNode.Parse(expected)!["mergedVillages"]!["nodes"]!.AsArray();
        Assert.Equal(3, nodes.Count);
        Assert.All(nodes, node =>
        {
            Assert.NotNull(node!["id"]);
            Assert.NotNull(node["name"]);
            Assert.Null(node["plannedExitYear"]); // skipped
        });
    }
}
