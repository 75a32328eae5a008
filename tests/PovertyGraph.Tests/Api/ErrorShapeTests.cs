namespace PovertyGraph.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ErrorShapeTests(PovertyGraphFactory factory)
{
    [Fact]
    public async Task Unknown_field_is_a_validation_error_with_location()
    {
        var (status, body) = await factory.PostAsync("{ villages { nodes { nosuchfield } } }");
        Assert.Equal(400, status);
        var error = body["errors"]![0]!;
        Assert.Contains("nosuchfield", error["message"]!.ToString());
        Assert.Equal(1, (int)error["locations"]![0]!["line"]!);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Unknown_enum_value_names_the_argument()
    {
        var (status, body) = await factory.PostAsync("{ projects(where: {category: {eq: SPACEFLIGHT}}) { totalCount } }");
        Assert.Equal(400, status);
        var message = body["errors"]![0]!["message"]!.ToString();
        Assert.Contains("where", message);
        Assert.Contains("SPACEFLIGHT", message);
    }

    [Fact]
    public async Task A_string_for_an_int_names_the_argument()
    {
        var (status, body) = await factory.PostAsync("""{ villages(where: {plannedExitYear: {eq: "2017"}}) { totalCount } }""");
        Assert.Equal(400, status);
        Assert.Contains("where", body["errors"]![0]!["message"]!.ToString());
    }

    [Fact]
    public async Task An_empty_in_list_names_the_field()
    {
        var (status, body) = await factory.PostAsync("{ villages(where: {plannedExitYear: {in: []}}) { totalCount } }");
        Assert.Equal(200, status);
        Assert.Contains("Village.plannedExitYear.in needs at least one value", body["errors"]![0]!["message"]!.ToString());
    }

    [Fact]
    public async Task Errors_in_one_field_leave_the_others()
    {
        var (status, body) = await factory.PostAsync("""{ a: node(id: "bad") { id } b: provinces { totalCount } }""");
        Assert.Equal(200, status);
        Assert.Equal(1, (int)body["data"]!["b"]!["totalCount"]!);
        Assert.Null(body["data"]!["a"]);
        Assert.Equal("a", body["errors"]![0]!["path"]![0]!.ToString());
        Assert.Equal("BAD_ARGUMENT", body["errors"]![0]!["extensions"]!["code"]!.ToString());
    }

    [Fact]
    public async Task An_error_in_a_non_null_collection_nulls_the_response_data_as_the_spec_requires()
    {
        var (status, body) = await factory.PostAsync("{ a: villages(first: 9999) { totalCount } b: provinces { totalCount } }");
        Assert.Equal(200, status);
        Assert.Null(body["data"]);
        Assert.Equal(["a"], body["errors"]![0]!["path"]!.AsArray().Select(p => p!.ToString()));
    }

    [Fact]
    public void The_row_budget_stops_a_request_that_reads_too_much()
    {
        var paging = new PovertyGraph.GraphQL.Planning.PagingOptions { MaxRowsPerRequest = 1000 };
        var cursors = new PovertyGraph.GraphQL.Planning.CursorCodec(new byte[32]);
        var runtime = new PovertyGraph.GraphQL.Execution.QueryRuntime(null!, new PovertyGraph.GraphQL.Planning.Planner(PovertyGraph.GraphQL.ApiModel.Build(), paging, cursors),
            cursors, new PovertyGraph.GraphQL.Access.CellKeyProtection(new PovertyGraph.GraphQL.Access.StatisticsOptions()),
            new PovertyGraph.GraphQL.Execution.CompiledPlans(0), PovertyGraph.GraphQL.Access.Viewer.Public);
        runtime.Charge(600);
        runtime.Charge(400);
        var error = Assert.Throws<PovertyGraph.GraphQL.Model.QueryError>(() => runtime.Charge(1));
        Assert.Contains("more than 1,000 rows", error.Message);
    }

    [Fact]
    public async Task Queries_deeper_than_the_limit_are_refused()
    {
        // Village → county → villages → nodes → Village …: depth grows by 3 per repetition, 36 in all.
        var deep = "{ villages(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("county { villages(first: 1) { nodes { ", 11)) + "name" + new string('}', 3 * 11) + " } } }";
        var (status, body) = await factory.PostAsync(deep);
        Assert.Equal(400, status);
        Assert.Contains("depth", body["errors"]![0]!["message"]!.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
