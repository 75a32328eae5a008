using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.Tests.Infrastructure;

namespace PovertyGraph.Tests.Api;

/// <summary>
/// The arguments of a cached operation without variables are parsed once (<see cref="ConstantArgumentsValidator"/>);
/// the answers must stay those of a full parse, and operations with variables are always parsed again.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConstantArgumentsTests(PovertyGraphFactory factory)
{
    private ConstantArgumentsValidator Validator => factory.Services.GetRequiredService<ConstantArgumentsValidator>();

    /// <summary>Runs <paramref name="act"/> and counts the requests that reused parsed arguments meanwhile.</summary>
    private async Task<int> CountReusesAsync(Func<Task> act)
    {
        var reused = 0;
        void Count() => Interlocked.Increment(ref reused);
        Validator.ArgumentsReused += Count;
        try { await act(); }
        finally { Validator.ArgumentsReused -= Count; }
        return reused;
    }

    private async Task<string> Json(string query, object? variables = null) =>
        (await factory.QueryAsync(query, variables, Tokens.Official)).ToJsonString();

    [Fact]
    public async Task A_literal_query_parsed_once_answers_as_when_parsed_in_full()
    {
        // Each test its own alias: its own document.
        const string query = """
            { constantVillages: villages(where: {county: {name: {eq: "蛟河市"}}, plannedExitYear: {gte: 2017}},
                                         order: [{plannedExitYear: DESC}, {name: ASC}], first: 7) {
                totalCount nodes { id name plannedExitYear } } }
            """;
        var first = await Json(query);   // parsed and validated, then cached
        var second = await Json(query);  // cached: arguments parsed, and kept
        var third = "";
        var reuses = await CountReusesAsync(async () => third = await Json(query)); // arguments reused
        Assert.Equal(1, reuses);
        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Contains("\"plannedExitYear\":", third);
        Assert.Equal(7, System.Text.Json.Nodes.JsonNode.Parse(third)!["constantVillages"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Operations_with_variables_are_parsed_every_time()
    {
        const string query = "query($n: Int!) { variableVillages: villages(first: $n) { nodes { id } } }";
        await Json(query, new { n = 1 });
        var reuses = await CountReusesAsync(async () =>
        {
            foreach (var n in new[] { 1, 3, 2, 3 })
            {
                var nodes = System.Text.Json.Nodes.JsonNode.Parse(await Json(query, new { n }))!["variableVillages"]!["nodes"]!.AsArray();
                Assert.Equal(n, nodes.Count);
            }
        });
        Assert.Equal(0, reuses);
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

    [Fact]
    public async Task Each_request_gets_its_own_argument_table()
    {
        var schema = factory.Services.GetRequiredService<global::GraphQL.Types.ISchema>();
        var validator = new ConstantArgumentsValidator();
        var reuses = 0;
        validator.ArgumentsReused += () => reuses++;
        var document = GraphQLParser.Parser.Parse("{ villages(first: 2, where: {name: {eq: \"x\"}}) { totalCount } }");
        var operation = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().Single();
        global::GraphQL.Validation.ValidationOptions Options() => new()
        {
            Schema = schema, Document = document, Operation = operation, Rules = [], // a cached document: no rules left to run
            Variables = global::GraphQL.Inputs.Empty, Extensions = global::GraphQL.Inputs.Empty, UserContext = new Dictionary<string, object?>(),
        };
        var parsed = await validator.ValidateAsync(Options());
        var reused = await validator.ValidateAsync(Options());
        Assert.Equal(1, reuses);
        Assert.NotSame(parsed.ArgumentValues, reused.ArgumentValues);
        var field = Assert.Single(reused.ArgumentValues!).Key;
        Assert.Equal(2, reused.ArgumentValues![field]["first"].Value);

        // Execution adds merged field nodes to its table; the next request must not see them.
        var merged = new GraphQLParser.AST.GraphQLField(field.Name);
        ((IDictionary<GraphQLParser.AST.GraphQLField, IDictionary<string, global::GraphQL.Execution.ArgumentValue>>)reused.ArgumentValues)[merged] = reused.ArgumentValues[field];
        var next = await validator.ValidateAsync(Options());
        Assert.Single(next.ArgumentValues!);
        Assert.False(next.ArgumentValues!.ContainsKey(merged));
    }
}
