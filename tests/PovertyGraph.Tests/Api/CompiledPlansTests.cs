using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.Tests.Api;

/// <summary>
/// Root pages run as queries compiled once per plan shape (<see cref="CompiledPlans"/>), with the values as the compiled
/// query's parameters. A compiled page must answer exactly as a fresh one, for every value, role and organisation,
/// and a plan shape must be compiled once, however many values it is run with. Each test's query has a shape of its own
/// (the engine's events of every test in the process arrive at the same listener).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CompiledPlansTests(PovertyGraphFactory factory)
{
    private const string VillagePage = """
        query($area: ContiguousArea, $first: Int, $after: String) {
          villages(where: {registered: {eq: true}, county: {contiguousArea: {eq: $area}}, SHAPE},
                   order: [{plannedExitYear: ASC}, {name: ASC}], first: $first, after: $after) {
            totalCount
            pageInfo { endCursor hasNextPage }
            nodes { id name plannedExitYear county { name } projects { totalCount } households { totalCount } }
          }
        }
        """;

    private static string Shaped(string query, string condition) => query.Replace("SHAPE", condition);

    private async Task<string> Json(string query, object? variables, string? token) =>
        (await factory.QueryAsync(query, variables, token)).ToJsonString();

    private static int Compiled(EngineEventLog log, string fragment) => log.Count(EngineEvents.PlanCompiled, p => ((string)p!).Contains(fragment));
    private static int Runs(EngineEventLog log, string fragment) => log.Count(EngineEvents.CompiledPlanRun, p => ((string)p!).Contains(fragment));

    [Fact]
    public async Task A_repeated_page_is_compiled_once_and_answers_as_before()
    {
        var query = Shaped(VillagePage, "name: {nendsWith: \"repeated\"}");
        var variables = new { area = "WEST_ARID_SALINE", first = 20 };
        using var events = EngineEventLog.Start();
        var first = await Json(query, variables, Tokens.Official);
        var second = await Json(query, variables, Tokens.Official);
        var log = factory.Services.GetRequiredService<SqlCommandLog>();
        string third;
        using (var recording = log.Record())
        {
            third = await Json(query, variables, Tokens.Official);
            Assert.Single(recording.Commands); // one statement: page, county join, counts and total
        }
        Assert.Equal(1, Compiled(events, "nendsWith"));
        Assert.Equal(3, Runs(events, "nendsWith"));
        Assert.Equal(first, second);
        Assert.Equal(first, third);
        var page = JsonNode.Parse(first)!["villages"]!;
        Assert.Equal(20, page["nodes"]!.AsArray().Count);
        Assert.True(page["totalCount"]!.GetValue<int>() > 20);
    }

    [Fact]
    public async Task One_compiled_plan_serves_every_value_and_cursor()
    {
        var query = Shaped(VillagePage, "name: {ncontains: \"perValue\"}");
        using var events = EngineEventLog.Start();
        var west = await Json(query, new { area = "WEST_ARID_SALINE", first = 10 }, Tokens.Official);
        var east = await Json(query, new { area = "EAST_ALPINE_MOUNTAIN", first = 10 }, Tokens.Official);
        var eastLarger = await Json(query, new { area = "EAST_ALPINE_MOUNTAIN", first = 15 }, Tokens.Official);
        Assert.NotEqual(west, east);
        Assert.StartsWith(JsonNode.Parse(east)!["villages"]!["nodes"]!.ToJsonString()[..^1],
            JsonNode.Parse(eastLarger)!["villages"]!["nodes"]!.ToJsonString()); // the same order, five rows more
        Assert.Equal(west, await Json(query, new { area = "WEST_ARID_SALINE", first = 10 }, Tokens.Official));

        // Walking the pages twice: every cursor value runs the same compiled plan, and sees the same rows in the same order.
        async Task<List<string>> Walk()
        {
            var ids = new List<string>();
            string? after = null;
            for (var i = 0; i < 4; i++)
            {
                var page = (await factory.QueryAsync(query, new { area = "WEST_ARID_SALINE", first = 10, after }, Tokens.Official))["villages"]!;
                ids.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
                after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
            }
            return ids;
        }
        var walked = await Walk();
        Assert.Equal(walked, await Walk());
        Assert.Equal(40, walked.Distinct().Count());
        // Two shapes: without a cursor, and after a cursor whose key values are all present.
        Assert.Equal(2, Compiled(events, "ncontains"));
    }

    [Fact]
    public async Task A_plan_compiled_for_one_role_is_never_served_to_another()
    {
        const string query = "{ households(first: 10, where: {memberCount: {ngt: 97}}) { nodes { id headName memberCount } } }";
        using var events = EngineEventLog.Start();
        var publicFirst = await Json(query, null, null);
        var official = await Json(query, null, Tokens.Official);
        Assert.Equal(official, await Json(query, null, Tokens.Official));
        Assert.Equal(publicFirst, await Json(query, null, null));
        Assert.NotEqual(official, publicFirst);
        var fullNames = JsonNode.Parse(official)!["households"]!["nodes"]!.AsArray().Select(n => n!["headName"]!.GetValue<string>()).ToList();
        var shownToPublic = JsonNode.Parse(publicFirst)!["households"]!["nodes"]!.AsArray().Select(n => n!["headName"]?.GetValue<string>()).ToList();
        Assert.DoesNotContain(shownToPublic, name => name != null && fullNames.Contains(name));
        Assert.Equal(2, Compiled(events, "memberCount:{ngt:?,}")); // one per role
    }

    [Fact]
    public async Task Partner_organisations_share_a_compiled_plan_and_each_sees_its_own_villages()
    {
        // The partner villages are a value of the plan: one shape for every organisation, each with its own scope.
        var truth = await Attacks.AttackTruth.TruthAsync(new Attacks.AttackServer(factory));
        const string query = """
            query($v: ID!) { households(first: 50, where: {village: {id: {eq: $v}}, memberCount: {nlt: 0}}) { nodes { id headName } } }
            """;
        using var events = EngineEventLog.Start();
        var partner = JsonNode.Parse(await Json(query, new { v = truth.Partner.Id }, Tokens.Ngo()))!["households"]!["nodes"]!.AsArray();
        var other = JsonNode.Parse(await Json(query, new { v = truth.Partner.Id }, Tokens.Ngo("ngo-baicheng-water")))!["households"]!["nodes"]!.AsArray();
        Assert.NotEmpty(partner);
        Assert.Equal(partner.Count, other.Count);
        var names = truth.Partner.Households.Select(h => h.HeadName).ToHashSet();
        Assert.All(partner, h => Assert.Contains(h!["headName"]!.GetValue<string>(), names)); // full in its own partner village
        Assert.All(other, h => Assert.EndsWith("*", h!["headName"]!.GetValue<string>()));       // masked for another organisation
        Assert.Equal(1, Compiled(events, "memberCount:{nlt:?,}"));
    }

    [Fact]
    public async Task Bad_arguments_fail_every_time_and_are_never_compiled()
    {
        const string query = "{ villages(first: 100000, where: {name: {nendsWith: \"tooLarge\"}}) { nodes { id } } }";
        using var events = EngineEventLog.Start();
        for (var i = 0; i < 3; i++)
        {
            var (status, body) = await factory.PostAsync(query, null, Tokens.Official);
            Assert.Equal(200, status);
            Assert.Contains("maximum page size", body["errors"]![0]!["message"]!.GetValue<string>());
        }
        Assert.Equal(0, events.Count(EngineEvents.PlanCompiled, p => ((string)p!).Contains("nendsWith")));
    }

    [Fact]
    public async Task Input_reaches_a_compiled_plans_sql_only_as_a_parameter()
    {
        const string query = """query($n: String) { hostile: villages(where: {name: {eq: $n}, plannedExitYear: {nlte: -1}}) { nodes { id name } } }""";
        const string name = "x' OR 1=1 --";
        var log = factory.Services.GetRequiredService<SqlCommandLog>();
        using var events = EngineEventLog.Start();
        for (var i = 0; i < 3; i++)
        {
            using var recording = log.Record();
            var data = await factory.QueryAsync(query, new { n = name }, Tokens.Official);
            Assert.Empty(data["hostile"]!["nodes"]!.AsArray());
            var sql = Assert.Single(recording.Commands);
            Assert.DoesNotContain("1=1", sql);
            Assert.Matches("\"Name\" = @\\w+", sql);
        }
        Assert.Equal(1, Compiled(events, "plannedExitYear:{nlte:?,}"));
        Assert.Equal(3, Runs(events, "plannedExitYear:{nlte:?,}"));
    }

    [Fact]
    public async Task Input_reaches_the_sql_of_statements_that_are_not_compiled_only_as_a_parameter()
    {
        // Aggregates, counts, nested pages and rows by key run as ordinary EF queries with the plan's values bound.
        const string query = """
            query($n: String) {
              notCompiled: villages(where: {name: {eq: $n}}) { totalCount aggregates { count } groupedAggregates(groupBy: [COUNTY]) { count } }
              nested: villages(first: 3) { nodes { projects(where: {name: {eq: $n}}) { totalCount } } }
            }
            """;
        const string name = "x' OR 2=2 --";
        var log = factory.Services.GetRequiredService<SqlCommandLog>();
        using var recording = log.Record();
        var (_, body) = await factory.PostAsync(query, new { n = name }, Tokens.Official);
        Assert.Equal(0, body["data"]!["notCompiled"]!["aggregates"]!["count"]!.GetValue<int>());
        Assert.All(recording.Commands, sql => Assert.DoesNotContain("2=2", sql));
        var filtered = recording.Commands.Where(sql => sql.Contains("\"Name\" =", StringComparison.Ordinal)).ToList();
        Assert.True(filtered.Count >= 4, string.Join("\n\n", recording.Commands)); // count, aggregate, groups, nested count
        Assert.All(filtered, sql => Assert.Matches("\"Name\" = @\\w+", sql));
    }

    [Fact]
    public async Task A_plan_with_more_values_than_EF_compiles_runs_its_built_query()
    {
        // EF compiles queries of at most 15 parameters: the shape keeps its built query and binds the values each time.
        var names = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"{{name: {{eq: \"v{i}\"}}}}"));
        var query = $"{{ manyValues: villages(where: {{or: [{names}]}}) {{ totalCount nodes {{ id }} }} }}";
        using var events = EngineEventLog.Start();
        var answers = new List<string>();
        for (var i = 0; i < 3; i++) answers.Add(await Json(query, null, Tokens.Official));
        Assert.All(answers, a => Assert.Equal("""{"manyValues":{"totalCount":0,"nodes":[]}}""", a));
        Assert.Equal(1, Compiled(events, "{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},{name:{eq:?,},},]"));
    }

    [Fact]
    public void A_shape_is_compiled_once_and_the_cache_stays_bounded()
    {
        var plans = new CompiledPlans(capacity: 3);
        var compilations = new List<string>();
        CompiledQuery Get(string shape) => plans.GetOrAdd(shape, () =>
        {
            compilations.Add(shape);
            return new CompiledQuery(null, null, null!);
        });
        var a = Get("a");
        Assert.Same(a, Get("a"));
        Get("b");
        Get("c");
        Assert.Equal(["a", "b", "c"], compilations);
        for (var i = 0; i < 20; i++) Get("shape " + i); // far more shapes than room
        Get("a");
        Assert.Equal(4 + 20, compilations.Count); // "a" was pushed out, and is compiled again
        Assert.False(new CompiledPlans(0).Enabled);
    }
}
