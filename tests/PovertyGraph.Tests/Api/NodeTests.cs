namespace PovertyGraph.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class NodeTests(PovertyGraphFactory factory)
{
    [Theory]
    [InlineData("provinces", "Province")]
    [InlineData("prefectures", "Prefecture")]
    [InlineData("counties", "County")]
    [InlineData("townships", "Township")]
    [InlineData("villages", "Village")]
    [InlineData("households", "Household")]
    [InlineData("projects", "Project")]
    [InlineData("fundingSources", "FundingSource")]
    [InlineData("fundingAllocations", "FundingAllocation")]
    [InlineData("planTargets", "PlanTarget")]
    [InlineData("sourceDocuments", "SourceDocument")]
    public async Task Every_type_is_fetchable_by_its_global_id(string field, string typeName)
    {
        var list = await factory.QueryAsync($"{{ {field}(first: 2, order: []) {{ nodes {{ id __typename }} }} }}");
        var nodes = list[field]!["nodes"]!.AsArray();
        var id = nodes[^1]!["id"]!.ToString();
        Assert.Equal(typeName, nodes[^1]!["__typename"]!.ToString());
        var data = await factory.QueryAsync("query($id: ID!) { node(id: $id) { id __typename } }", new { id });
        Assert.Equal(id, data["node"]!["id"]!.ToString());
        Assert.Equal(typeName, data["node"]!["__typename"]!.ToString());
    }

    [Fact]
    public async Task Persons_are_fetchable_by_id_with_the_same_masking()
    {
        var list = await factory.QueryAsync("{ households(first: 1) { nodes { members(first: 1) { nodes { id name birthDate idNumber } } } } }");
        var member = list["households"]!["nodes"]![0]!["members"]!["nodes"]![0]!;
        var data = await factory.QueryAsync("query($id: ID!) { node(id: $id) { ... on Person { id name birthDate idNumber } } }", new { id = member["id"]!.ToString() });
        Assert.Equal(member.ToJsonString(), data["node"]!.ToJsonString());
        Assert.EndsWith("*", data["node"]!["name"]!.ToString());
        Assert.Equal(4, data["node"]!["birthDate"]!.ToString().Length); // year only for PUBLIC
        Assert.Null(data["node"]!["idNumber"]);
    }

    [Fact]
    public async Task Nodes_keeps_the_order_and_answers_null_for_missing_rows()
    {
        var list = await factory.QueryAsync("{ counties(first: 2) { nodes { id name } } }");
        var a = list["counties"]!["nodes"]![0]!;
        var b = list["counties"]!["nodes"]![1]!;
        var missing = Convert.ToBase64String("County:999999"u8.ToArray()).TrimEnd('=');
        var data = await factory.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on County { name } } }",
            new { ids = new[] { b["id"]!.ToString(), missing, a["id"]!.ToString() } });
        var nodes = data["nodes"]!.AsArray();
        Assert.Equal(b["name"]!.ToString(), nodes[0]!["name"]!.ToString());
        Assert.Null(nodes[1]);
        Assert.Equal(a["name"]!.ToString(), nodes[2]!["name"]!.ToString());
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("Q291bnR5OmFiYw")] // County:abc
    [InlineData("Tm9wZToxMg")]     // Nope:12
    public async Task Malformed_ids_are_errors(string id)
    {
        var (status, body) = await factory.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });
        Assert.Equal(200, status);
        Assert.Contains("not a valid global ID", body["errors"]![0]!["message"]!.ToString());
        Assert.Equal("node", body["errors"]![0]!["path"]![0]!.ToString());
    }
}
