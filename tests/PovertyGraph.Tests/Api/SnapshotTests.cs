using System.Text.Json;
using System.Text.Json.Nodes;
using Snapshooter.Xunit;

namespace PovertyGraph.Tests.Api;

/// <summary>Snapshots of the SDL and of representative responses: a change to either shows up in review.</summary>
[Collection(ApiCollection.Name)]
public sealed class SnapshotTests(PovertyGraphFactory factory)
{
    private static string CommittedSdlPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PovertyGraph.sln"))) return Path.Combine(dir.FullName, "schema", "schema.graphql");
        throw new InvalidOperationException("repository root not found");
    }

    private async Task<string> ServedSdl()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/graphql/schema.graphql");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Committed_schema_file_is_what_the_server_serves()
    {
        var served = await ServedSdl();
        var committed = (await File.ReadAllTextAsync(CommittedSdlPath())).ReplaceLineEndings("\n");
        Assert.True(committed == served,
            "schema/schema.graphql is out of date: run `dotnet run --project src/PovertyGraph.Server -- schema --out` and commit it");
    }

    [Fact]
    public async Task Schema_matches_its_snapshot()
    {
        var name = Snapshot.FullName(); // before any await: Snapshooter finds the test from the call stack
        Snapshot.Match(await ServedSdl(), name);
    }

    private static string Pretty(JsonNode node) => node.ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    });

    [Fact]
    public async Task Journalist_response_matches_its_snapshot()
    {
        var name = Snapshot.FullName();
        Snapshot.Match(Pretty(await factory.QueryAsync("""
        { villages(where: {registered: {eq: true}, county: {name: {eq: "蛟河市"}}}) {
            totalCount groupedAggregates(groupBy: [PLANNED_EXIT_YEAR, TOWNSHIP]) { keys { plannedExitYear township { name } } count } } }
        """)), name);
    }

    [Fact]
    public async Task Ngo_response_matches_its_snapshot()
    {
        var name = Snapshot.FullName();
        Snapshot.Match(Pretty(await factory.QueryAsync("""
        { villages(where: {name: {eq: "青背村"}}) { nodes { name township { name }
            projects(order: [{category: ASC}, {budget: DESC}]) { totalCount aggregates { sum { budget } }
              nodes { category budget allocations { nodes { year amount source { name level } } } } } } } }
        """)), name);
    }

    [Fact]
    public async Task Front_end_page_matches_its_snapshot()
    {
        var name = Snapshot.FullName();
        Snapshot.Match(Pretty(await factory.QueryAsync("""
        { villages(first: 5, order: [{county: {name: ASC}}, {name: ASC}], where: {provincialLevel: {eq: true}}) {
            totalCount edges { cursor node { id name county { name } township { name } } } pageInfo { hasNextPage endCursor } } }
        """)), name);
    }

    [Fact]
    public async Task Public_household_response_matches_its_snapshot()
    {
        var name = Snapshot.FullName();
        Snapshot.Match(Pretty(await factory.QueryAsync("""
        { households(first: 2, order: [{memberCount: DESC}]) { nodes { id memberCount type headName headIdNumber phone primaryCause annualIncomePerCapita
            members { nodes { name idNumber birthDate gender relationship } } } } }
        """)), name);
    }
}
