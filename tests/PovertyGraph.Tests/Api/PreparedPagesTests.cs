using System.Text.Json.Nodes;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Machinery;
using PovertyGraph.Tests.Infrastructure;

namespace PovertyGraph.Tests.Api;

/// <summary>
/// A root page asked for a second time is compiled and kept (<see cref="PreparedPages"/>). A prepared page must
/// answer exactly as the unprepared one did, and only for the same field, role and argument values.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PreparedPagesTests(PovertyGraphFactory factory)
{
    private PreparedPages Prepared => factory.Services.GetRequiredService<PreparedPages>();

    // Each test uses its own alias, so its document (and its field node) is its own.
    private const string VillagePage = """
        query($area: ContiguousArea, $first: Int, $after: String) {
          preparedVillages: villages(where: {registered: {eq: true}, county: {contiguousArea: {eq: $area}}},
                   order: [{plannedExitYear: ASC}, {name: ASC}], first: $first, after: $after) {
            totalCount
            pageInfo { endCursor hasNextPage }
            nodes { id name plannedExitYear county { name } projects { totalCount } households { totalCount } }
          }
        }
        """;

    private async Task<string> Json(string query, object? variables, string? token) =>
        (await factory.QueryAsync(query, variables, token)).ToJsonString();

    [Fact]
    public async Task A_repeated_page_is_prepared_on_its_second_sighting_and_answers_as_before()
    {
        var query = VillagePage.Replace("preparedVillages", "repeated");
        var variables = new { area = "WEST_ARID_SALINE", first = 20 };
        var before = Prepared.TotalPrepared;

        var first = await Json(query, variables, Tokens.Official);
        Assert.Equal(before, Prepared.TotalPrepared);
        var second = await Json(query, variables, Tokens.Official);
        Assert.Equal(before + 1, Prepared.TotalPrepared);

        var log = factory.Services.GetRequiredService<SqlCommandLog>();
        string third;
        using (var recording = log.Record())
        {
            third = await Json(query, variables, Tokens.Official);
            Assert.Single(recording.Commands); // still one statement: page, county join, counts and total
        }
        Assert.Equal(before + 1, Prepared.TotalPrepared);
        Assert.Equal(first, second);
        Assert.Equal(first, third);
        var page = JsonNode.Parse(first)!["repeated"]!;
        Assert.Equal(20, page["nodes"]!.AsArray().Count);
        Assert.True(page["totalCount"]!.GetValue<int>() > 20);
    }

    [Fact]
    public async Task Prepared_pages_are_kept_per_argument_value_and_cursor()
    {
        var query = VillagePage.Replace("preparedVillages", "perValue");
        var west = new { area = "WEST_ARID_SALINE", first = 10 };
        var east = new { area = "EAST_ALPINE_MOUNTAIN", first = 10 };
        var westAnswer = await Json(query, west, Tokens.Official);
        await Json(query, west, Tokens.Official); // prepared for the western area

        // Another value of the same variable is another request: first sighting, then prepared, same answer.
        var eastAnswers = new[] { await Json(query, east, Tokens.Official), await Json(query, east, Tokens.Official), await Json(query, east, Tokens.Official) };
        Assert.All(eastAnswers, a => Assert.Equal(eastAnswers[0], a));
        Assert.NotEqual(westAnswer, eastAnswers[0]);
        Assert.Equal(westAnswer, await Json(query, west, Tokens.Official));

        // Walking the pages twice: the second walk runs prepared pages, and sees the same rows in the same order.
        async Task<List<string>> Walk()
        {
            var ids = new List<string>();
            string? after = null;
            for (var i = 0; i < 4; i++)
            {
                var page = (await factory.QueryAsync(query, new { area = "WEST_ARID_SALINE", first = 10, after }, Tokens.Official))["perValue"]!;
                ids.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
                after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
            }
            return ids;
        }
        var walked = await Walk();
        var again = await Walk();
        Assert.Equal(40, walked.Distinct().Count());
        Assert.Equal(walked, again);
    }

    [Fact]
    public async Task A_page_prepared_for_one_role_is_never_served_to_another()
    {
        const string query = """
            { crossRole: households(first: 10) { nodes { id headName memberCount } } }
            """;
        var publicFirst = await Json(query, null, null);
        var official = await Json(query, null, Tokens.Official);
        Assert.Equal(official, await Json(query, null, Tokens.Official)); // prepared for OFFICIAL
        Assert.Equal(official, await Json(query, null, Tokens.Official));

        // PUBLIC sees masked names, prepared or not.
        Assert.Equal(publicFirst, await Json(query, null, null));
        Assert.Equal(publicFirst, await Json(query, null, null));
        Assert.NotEqual(official, publicFirst);
        var fullNames = JsonNode.Parse(official)!["crossRole"]!["nodes"]!.AsArray().Select(n => n!["headName"]!.GetValue<string>()).ToList();
        var shownToPublic = JsonNode.Parse(publicFirst)!["crossRole"]!["nodes"]!.AsArray().Select(n => n!["headName"]?.GetValue<string>()).ToList();
        Assert.DoesNotContain(shownToPublic, fullNames.Contains);
    }

    [Fact]
    public async Task NGO_pages_depend_on_the_partner_villages_and_are_never_prepared()
    {
        const string query = "{ ngoPage: households(first: 5) { nodes { id headName } } }";
        var before = Prepared.TotalSightings;
        var answers = new List<string>();
        for (var i = 0; i < 3; i++) answers.Add(await Json(query, null, Tokens.Ngo()));
        Assert.Equal(before, Prepared.TotalSightings);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task Bad_arguments_fail_every_time_and_are_never_prepared()
    {
        const string query = "{ tooLarge: villages(first: 100000) { nodes { id } } }";
        var before = Prepared.TotalPrepared;
        for (var i = 0; i < 3; i++)
        {
            var (status, body) = await factory.PostAsync(query, null, Tokens.Official);
            Assert.Equal(200, status);
            Assert.Contains("maximum page size", body["errors"]![0]!["message"]!.GetValue<string>());
        }
        Assert.Equal(before, Prepared.TotalPrepared);
    }

    [Fact]
    public async Task Input_reaches_a_prepared_pages_sql_only_as_a_parameter()
    {
        const string query = """query($n: String) { hostile: villages(where: {name: {eq: $n}}) { nodes { id name } } }""";
        const string name = "x' OR 1=1 --";
        var log = factory.Services.GetRequiredService<SqlCommandLog>();
        var before = Prepared.TotalPrepared;
        for (var i = 0; i < 3; i++)
        {
            using var recording = log.Record();
            var data = await factory.QueryAsync(query, new { n = name }, Tokens.Official);
            Assert.Empty(data["hostile"]!["nodes"]!.AsArray());
            var sql = Assert.Single(recording.Commands);
            Assert.DoesNotContain("1=1", sql);
            Assert.Matches("\"Name\" = @\\w+", sql);
        }
        Assert.Equal(before + 1, Prepared.TotalPrepared); // the second and third runs were the prepared page
    }

    [Fact]
    public async Task A_page_with_more_values_than_EF_compiles_keeps_running_unprepared()
    {
        var names = string.Join(", ", Enumerable.Range(0, PreparedPage.MaxParameters + 1).Select(i => $"{{name: {{eq: \"v{i}\"}}}}"));
        var query = $"{{ manyValues: villages(where: {{or: [{names}]}}) {{ totalCount nodes {{ id }} }} }}";
        var before = Prepared.TotalPrepared;
        var answers = new List<string>();
        for (var i = 0; i < 3; i++) answers.Add(await Json(query, null, Tokens.Official));
        Assert.Equal(before, Prepared.TotalPrepared);
        Assert.All(answers, a => Assert.Equal("""{"manyValues":{"totalCount":0,"nodes":[]}}""", a));
    }

    [Fact]
    public void Argument_text_tells_types_and_nesting_apart_and_ignores_argument_order()
    {
        static string Of(params (string Name, object? Value)[] arguments) =>
            PreparedPages.Describe(arguments.ToDictionary(a => a.Name, a => new ArgumentValue(a.Value, ArgumentSource.Literal)));

        Assert.NotEqual(Of(("first", 5)), Of(("first", "5")));
        Assert.NotEqual(Of(("after", "a\";b")), Of(("after", "a"), ("b", null)));
        Assert.Equal(Of(("first", 5), ("after", "x")), Of(("after", "x"), ("first", 5)));
        var where = new Dictionary<string, object?> { ["name"] = new Dictionary<string, object?> { ["eq"] = "x" } };
        var other = new Dictionary<string, object?> { ["name"] = new Dictionary<string, object?> { ["neq"] = "x" } };
        Assert.NotEqual(Of(("where", where)), Of(("where", other)));
        Assert.NotEqual(Of(("ids", new List<object?> { 1, 2 })), Of(("ids", new List<object?> { 12 })));
        Assert.Equal("", PreparedPages.Describe(null));
    }

    [Fact]
    public void A_request_is_prepared_once_on_its_second_sighting_and_the_cache_stays_bounded()
    {
        var pages = new PreparedPages(capacity: 3);
        PreparedPages.Key Key(string arguments) => new(null!, Role.Official, arguments);
        Assert.False(pages.ShouldPrepare(Key("a")));
        Assert.True(pages.ShouldPrepare(Key("a")));
        Assert.False(pages.ShouldPrepare(Key("a")));
        Assert.False(pages.ShouldPrepare(Key("b")));
        Assert.False(pages.ShouldPrepare(Key("c")));
        Assert.Equal(3, pages.Count);
        Assert.False(pages.ShouldPrepare(Key("d"))); // full: starts again empty
        Assert.Equal(1, pages.Count);
        Assert.False(pages.ShouldPrepare(Key("a"))); // forgotten: a first sighting again
        Assert.Null(new PreparedPages(0).KeyFor(null!, new Viewer(Role.Official)));
    }
}

