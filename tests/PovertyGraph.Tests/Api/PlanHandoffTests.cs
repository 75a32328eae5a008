using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.Tests.Api;

/// <summary>
/// Validating is planning: the cost rule plans each connection field for the caller, and execution runs those plans
/// without planning again. An operation sent again by the same kind of caller with the same variables reuses its plans.
/// Each test calls with a subject of its own, and counts the plans built for it (<see cref="EngineEvents.Planned"/>).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PlanHandoffTests(PovertyGraphFactory factory)
{
    /// <summary>Four connection fields: the root page, a nested page and a nested count of each row, and a page under a related row.</summary>
    private const string Page = """
        query($first: Int) {
          villages(first: $first, order: [{ name: ASC }]) {
            nodes {
              name
              households(first: 2) { nodes { id memberCount } }
              projects { totalCount }
              county { villages(first: 2) { nodes { name } } }
            }
          }
        }
        """;

    /// <summary>Plans built for <see cref="Page"/>: the nested page of households is planned with its root page (one statement).</summary>
    private const int PlansBuilt = 3;

    private static int PlannedFor(EngineEventLog events, string subject) =>
        events.Count(EngineEvents.Planned, p => ((ConnectionPlan)p!).Viewer.Subject == subject);

    private async Task<(int Status, JsonNode Body)> SendAsync(string token, object variables, string? costHeader = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = Page, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (costHeader != null) request.Headers.Add("GraphQL-Cost", costHeader);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Validation_plans_each_connection_field_once_and_execution_runs_those_plans()
    {
        await factory.QueryAsync("{ villages(first: 1) { totalCount } }"); // table statistics read
        using var events = EngineEventLog.Start();
        var log = factory.Services.GetService(typeof(PovertyGraph.Data.SqlCommandLog)) as PovertyGraph.Data.SqlCommandLog;
        var before = log!.Count;
        var (status, body) = await SendAsync(Tokens.For(Role.Official, "handoff-validate"), new { first = 3 }, costHeader: "validate");
        Assert.Equal(200, status);
        Assert.Null(body["data"]);
        Assert.Equal(before, log.Count); // planned, and nothing ran
        Assert.Equal(PlansBuilt, PlannedFor(events, "handoff-validate"));

        var (runStatus, run) = await SendAsync(Tokens.For(Role.Official, "handoff-run"), new { first = 3 });
        Assert.Equal(200, runStatus);
        Assert.Null(run["errors"]);
        var villages = run["data"]!["villages"]!["nodes"]!.AsArray();
        Assert.Equal(3, villages.Count);
        Assert.All(villages, v => Assert.True(v!["county"]!["villages"]!["nodes"]!.AsArray().Count is > 0 and <= 2));
        // Three rows, each with its nested fields: still one plan per field, all built while validating.
        Assert.Equal(PlansBuilt, PlannedFor(events, "handoff-run"));
    }

    [Fact]
    public async Task An_operation_sent_again_reuses_its_plans_for_the_same_kind_of_caller_and_variables()
    {
        using var events = EngineEventLog.Start();
        async Task<(string Answer, int Planned)> Run(string subject, string token, int first)
        {
            var (status, body) = await SendAsync(token, new { first });
            Assert.Equal(200, status);
            Assert.Null(body["errors"]);
            return (body["data"]!.ToJsonString(), PlannedFor(events, subject));
        }

        var (first, plannedFirst) = await Run("reuse-a", Tokens.For(Role.Official, "reuse-a"), 4);
        Assert.Equal(PlansBuilt, plannedFirst);
        // Another official with the same variables: the plans of the first request, and the same answer.
        var (again, plannedAgain) = await Run("reuse-b", Tokens.For(Role.Official, "reuse-b"), 4);
        Assert.Equal(0, plannedAgain);
        Assert.Equal(first, again);
        // Other variables are other argument values: planned anew, and answered for them.
        var (larger, plannedLarger) = await Run("reuse-c", Tokens.For(Role.Official, "reuse-c"), 5);
        Assert.Equal(PlansBuilt, plannedLarger);
        Assert.Equal(5, JsonNode.Parse(larger)!["villages"]!["nodes"]!.AsArray().Count);
        // Another role sees other columns: planned for it.
        var (_, plannedPublicRole) = await Run("reuse-d", Tokens.For(Role.Researcher, "reuse-d"), 4);
        Assert.Equal(PlansBuilt, plannedPublicRole);
        // Partner organisations have other villages in scope: each is planned for its own.
        var (_, plannedNgo) = await Run("reuse-e", Tokens.Ngo(Tokens.JiaoheNgo, "reuse-e"), 4);
        Assert.Equal(PlansBuilt, plannedNgo);
    }

    [Fact]
    public async Task A_field_that_cannot_be_planned_is_refused_where_it_executes_for_each_parent()
    {
        var (status, body) = await factory.PostAsync("""
            { villages(first: 3, order: [{ name: ASC }]) { nodes { name projects(first: 100000) { totalCount } } } }
            """, token: Tokens.For(Role.Official, "handoff-refused"));
        // Refused in its place: a field error for each parent row, with its path (execution errors answer 200).
        Assert.Equal(200, status);
        var errors = body["errors"]!.AsArray();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("BAD_ARGUMENT", (string)e!["extensions"]!["code"]!));
        Assert.All(errors, e => Assert.Contains("maximum page size", (string)e!["message"]!));
        var paths = errors.Select(e => string.Join('/', e!["path"]!.AsArray().Select(p => p!.ToString()))).ToList();
        Assert.Equal(["villages/nodes/0/projects", "villages/nodes/1/projects", "villages/nodes/2/projects"], paths.Order());
    }
}
