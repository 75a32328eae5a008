namespace PovertyGraph.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class PagingTests(PovertyGraphFactory factory)
{
    private const string Jiaohe = """{county: {name: {eq: "蛟河市"}}}""";

    private async Task<List<string>> AllIds(string order, int pageSize, bool backward)
    {
        var ids = new List<string>();
        string? cursor = null;
        for (var guard = 0; guard < 100; guard++)
        {
            var paging = backward ? $"last: {pageSize}" + (cursor == null ? "" : $", before: \"{cursor}\"")
                                  : $"first: {pageSize}" + (cursor == null ? "" : $", after: \"{cursor}\"");
            var data = await factory.QueryAsync($"{{ villages(where: {Jiaohe}, order: {order}, {paging}) {{ nodes {{ id }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
            var page = data["villages"]!;
            var pageIds = page["nodes"]!.AsArray().Select(n => n!["id"]!.ToString()).ToList();
            if (backward) ids.InsertRange(0, pageIds); else ids.AddRange(pageIds);
            var info = page["pageInfo"]!;
            var more = backward ? (bool)info["hasPreviousPage"]! : (bool)info["hasNextPage"]!;
            if (!more) return ids;
            cursor = (backward ? info["startCursor"] : info["endCursor"])!.ToString();
        }
        throw new Xunit.Sdk.XunitException("paging did not end");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{name: ASC}]")]
    [InlineData("[{township: {name: DESC}}, {name: ASC}]")]
    [InlineData("[{plannedExitYear: ASC}]")] // nullable key: nulls last
    [InlineData("[{registered: DESC}, {plannedExitYear: DESC}]")]
    public async Task Forward_and_backward_paging_visit_every_row_once_in_the_same_order(string order)
    {
        // Jiaohe has 256 administrative villages (001, chapter 4).
        var all = await factory.QueryAsync($"{{ villages(where: {Jiaohe}, order: {order}, first: 300) {{ totalCount nodes {{ id }} }} }}");
        var expected = all["villages"]!["nodes"]!.AsArray().Select(n => n!["id"]!.ToString()).ToList();
        Assert.Equal(256, (int)all["villages"]!["totalCount"]!);
        Assert.Equal(256, expected.Count);

        var forward = await AllIds(order, 37, backward: false);
        var backward = await AllIds(order, 41, backward: true);
        Assert.Equal(expected, forward);
        Assert.Equal(expected, backward);
        Assert.Equal(256, forward.Distinct().Count());
    }

    [Fact]
    public async Task Sorted_order_is_the_order_asked_for()
    {
        var data = await factory.QueryAsync($"{{ villages(where: {Jiaohe}, order: [{{township: {{name: ASC}}}}, {{name: DESC}}], first: 300) {{ nodes {{ name township {{ name }} }} }} }}");
        var rows = data["villages"]!["nodes"]!.AsArray().Select(n => (Township: n!["township"]!["name"]!.ToString(), Name: n["name"]!.ToString())).ToList();
        var sorted = rows.OrderBy(r => r.Township, StringComparer.Ordinal).ThenByDescending(r => r.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, rows);
    }

    [Fact]
    public async Task Cursors_are_stable_for_the_same_row_and_order()
    {
        const string query = "{ villages(order: [{name: ASC}], first: 5) { edges { cursor } } }";
        var a = await factory.QueryAsync(query);
        var b = await factory.QueryAsync(query);
        Assert.Equal(a.ToJsonString(), b.ToJsonString());
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_refused()
    {
        var data = await factory.QueryAsync("{ villages(order: [{name: ASC}], first: 1) { pageInfo { endCursor } } }");
        var cursor = data["villages"]!["pageInfo"]!["endCursor"]!.ToString();
        var (_, body) = await factory.PostAsync($"{{ villages(order: [{{name: DESC}}], first: 1, after: \"{cursor}\") {{ nodes {{ id }} }} }}");
        Assert.Contains("not a valid cursor", body["errors"]![0]!["message"]!.ToString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhIjoxfQ.AAAA")]
    public async Task A_forged_cursor_is_refused(string cursor)
    {
        var (status, body) = await factory.PostAsync($"{{ villages(first: 1, after: \"{cursor}\") {{ nodes {{ id }} }} }}");
        Assert.Equal(200, status);
        Assert.Contains("'after' is not a valid cursor", body["errors"]![0]!["message"]!.ToString());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Page_size_over_the_maximum_is_an_error_that_states_the_maximum()
    {
        var (_, body) = await factory.PostAsync("{ villages(first: 501) { nodes { id } } }");
        Assert.Contains("maximum page size of 500", body["errors"]![0]!["message"]!.ToString());
        (_, body) = await factory.PostAsync("{ villages(first: 1) { nodes { households(last: 1000) { totalCount } } } }");
        Assert.Contains("maximum page size of 500", body["errors"]![0]!["message"]!.ToString());
    }

    [Fact]
    public async Task Default_page_size_is_50()
    {
        var data = await factory.QueryAsync("{ villages { nodes { id } pageInfo { hasNextPage } } }");
        Assert.Equal(50, data["villages"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task First_and_last_together_are_refused()
    {
        var (_, body) = await factory.PostAsync("{ villages(first: 2, last: 2) { nodes { id } } }");
        Assert.Contains("not both", body["errors"]![0]!["message"]!.ToString());
    }

    [Fact]
    public async Task Nested_connections_page_per_parent()
    {
        var data = await factory.QueryAsync("""
            { villages(where: {county: {name: {eq: "蛟河市"}}, provincialLevel: {eq: true}}, first: 3, order: [{name: ASC}]) {
                nodes { name households(first: 2, order: [{memberCount: DESC}]) { totalCount nodes { memberCount } pageInfo { hasNextPage endCursor } } } } }
            """);
        // Jiaohe has more than three provincial-level villages (the database says how many): the page is full.
        using (var connection = factory.Database.Open())
        {
            Assert.True(connection.Scalar("""
                SELECT COUNT(*) FROM "Villages" v JOIN "Counties" c ON c."Id" = v."CountyId" WHERE c."Name" = '蛟河市' AND v."ProvincialLevel" = TRUE
                """) > 3);
        }

        Assert.Equal(3, data["villages"]!["nodes"]!.AsArray().Count);
        foreach (var village in data["villages"]!["nodes"]!.AsArray())
        {
            var households = village!["households"]!;
            var sizes = households["nodes"]!.AsArray().Select(n => (int)n!["memberCount"]!).ToList();
            Assert.Equal(2, sizes.Count);
            Assert.True(sizes[0] >= sizes[1]);
            Assert.True((int)households["totalCount"]! > 2);
            Assert.True((bool)households["pageInfo"]!["hasNextPage"]!);
        }
    }
}
