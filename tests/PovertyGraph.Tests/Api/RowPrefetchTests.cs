using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Tests.Api;

/// <summary>
/// What a page's rows select is fetched in the page's own statement: to-one rows by join, unfiltered nested
/// <c>totalCount</c>s as correlated counts, the root <c>totalCount</c> as a scalar subquery, and only the selected
/// columns. Every value is checked against hand-written SQL on the test database, and against the batched path.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RowPrefetchTests(PovertyGraphFactory factory)
{
    private static string Official => Tokens.Official;

    private const string VillagePage = """
        query($first: Int, $after: String) {
          villages(first: $first, after: $after, order: [{name: ASC}]) {
            totalCount
            pageInfo { endCursor hasNextPage }
            nodes {
              id name
              county { id name prefecture { name } }
              township { id name }
              projects { totalCount }
              households { totalCount }
            }
          }
        }
        """;

    private List<object?[]> Sql(string sql)
    {
        using var connection = factory.Database.Open();
        return connection.Rows(sql);
    }

    private async Task<(JsonNode Data, IReadOnlyList<string> Statements)> Recorded(string query, object? variables = null, string? token = null)
    {
        var log = factory.Services.GetRequiredService<SqlCommandLog>();
        using var recording = log.Record();
        var data = await factory.QueryAsync(query, variables, token);
        return (data, recording.Commands);
    }

    [Fact]
    public async Task A_page_with_related_rows_and_nested_counts_is_one_statement()
    {
        await factory.QueryAsync(VillagePage, new { first = 5 }, Official); // warm-up
        var (data, statements) = await Recorded(VillagePage, new { first = 50 }, Official);
        Assert.Equal(50, data["villages"]!["nodes"]!.AsArray().Count);
        var statement = Assert.Single(statements);
        Assert.Contains("JOIN \"Counties\"", statement);
        Assert.Contains("JOIN \"Prefectures\"", statement);
        Assert.Contains("FROM \"Households\"", statement); // the correlated count
        Assert.Contains("FROM \"Projects\"", statement);
    }

    [Fact]
    public async Task Joined_rows_and_counts_equal_hand_written_sql_for_every_village()
    {
        var expected = Sql("""
            SELECT v."Id", v."Name", c."Id", c."Name", p."Name", t."Id", t."Name",
                   (SELECT COUNT(*) FROM "Projects" x WHERE x."VillageId" = v."Id"),
                   (SELECT COUNT(*) FROM "Households" h WHERE h."VillageId" = v."Id")
            FROM "Villages" v
            JOIN "Counties" c ON c."Id" = v."CountyId" JOIN "Prefectures" p ON p."Id" = c."PrefectureId"
            LEFT JOIN "Townships" t ON t."Id" = v."TownshipId"
            """).ToDictionary(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture));
        Assert.True(expected.Count > 50);

        var seen = 0;
        string? after = null;
        do
        {
            var page = (await factory.QueryAsync(VillagePage, new { first = 500, after }, Official))["villages"]!;
            Assert.Equal(expected.Count, page["totalCount"]!.GetValue<int>());
            foreach (var v in page["nodes"]!.AsArray())
            {
                var row = expected[GlobalId.DecodeFor(v!["id"]!.GetValue<string>(), "Village")];
                Assert.Equal(row[1], v["name"]!.GetValue<string>());
                Assert.Equal(GlobalId.Encode("County", Convert.ToInt32(row[2], CultureInfo.InvariantCulture)), v["county"]!["id"]!.GetValue<string>());
                Assert.Equal(row[3], v["county"]!["name"]!.GetValue<string>());
                Assert.Equal(row[4], v["county"]!["prefecture"]!["name"]!.GetValue<string>());
                if (row[5] == null) Assert.Null(v["township"]);
                else Assert.Equal(row[6], v["township"]!["name"]!.GetValue<string>());
                Assert.Equal(Convert.ToInt32(row[7], CultureInfo.InvariantCulture), v["projects"]!["totalCount"]!.GetValue<int>());
                Assert.Equal(Convert.ToInt32(row[8], CultureInfo.InvariantCulture), v["households"]!["totalCount"]!.GetValue<int>());
                seen++;
            }
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        } while (after != null);
        Assert.Equal(expected.Count, seen);
    }

    [Fact]
    public async Task Prefetched_values_equal_the_batched_path()
    {
        // The same relations asked with arguments (or below a nested page) go through the batch loaders instead.
        var data = await factory.QueryAsync("""
            {
              villages(first: 500, order: [{name: ASC}]) {
                nodes {
                  id county { name }
                  projects { totalCount }
                  households { totalCount }
                  batchedProjects: projects(where: {}) { totalCount }
                  batchedHouseholds: households(where: {}) { totalCount }
                }
              }
              townships(first: 100) { nodes { villages(first: 100) { nodes { id county { name } } } } }
            }
            """, null, Official);
        var villages = data["villages"]!["nodes"]!.AsArray();
        Assert.True(villages.Count > 50);
        foreach (var v in villages)
        {
            Assert.Equal(v!["batchedProjects"]!["totalCount"]!.GetValue<int>(), v["projects"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(v["batchedHouseholds"]!["totalCount"]!.GetValue<int>(), v["households"]!["totalCount"]!.GetValue<int>());
        }
        // County rows joined at the root equal those loaded by key below a nested page, village by village.
        var joined = villages.ToDictionary(v => v!["id"]!.GetValue<string>(), v => v!["county"]!["name"]!.GetValue<string>());
        var loaded = data["townships"]!["nodes"]!.AsArray().SelectMany(t => t!["villages"]!["nodes"]!.AsArray())
            .Select(v => (Id: v!["id"]!.GetValue<string>(), County: v["county"]!["name"]!.GetValue<string>())).ToList();
        var compared = 0;
        foreach (var (id, county) in loaded)
            if (joined.TryGetValue(id, out var viaJoin)) { Assert.Equal(county, viaJoin); compared++; }
        Assert.True(compared > 20, $"only {compared} villages compared");
    }

    [Fact]
    public async Task An_optional_relation_that_is_empty_is_null()
    {
        var expected = Sql("SELECT \"Id\", \"VillageId\" FROM \"Projects\"").ToDictionary(
            r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture), r => r[1] == null ? null : (int?)Convert.ToInt32(r[1], CultureInfo.InvariantCulture));
        Assert.Contains(expected.Values, v => v == null);
        Assert.Contains(expected.Values, v => v != null);
        var data = await factory.QueryAsync("{ projects(first: 500) { nodes { id village { id name } } } }");
        var nodes = data["projects"]!["nodes"]!.AsArray();
        Assert.Equal(Math.Min(500, expected.Count), nodes.Count);
        foreach (var p in nodes)
        {
            var village = expected[GlobalId.DecodeFor(p!["id"]!.GetValue<string>(), "Project")];
            if (village == null) Assert.Null(p["village"]);
            else Assert.Equal(GlobalId.Encode("Village", village.Value), p["village"]!["id"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("{registered: {eq: true}}")]
    [InlineData("{name: {eq: \"no such village\"}}")]
    [InlineData("{county: {name: {eq: \"蛟河市\"}}, plannedExitYear: {gte: 2018}}")]
    public async Task The_total_counted_with_the_page_equals_a_separate_count(string where)
    {
        var alone = (await factory.QueryAsync($"{{ villages(where: {where}) {{ totalCount }} }}"))["villages"]!["totalCount"]!.GetValue<int>();
        var (withPage, statements) = await Recorded($"{{ villages(where: {where}, first: 3) {{ totalCount nodes {{ id }} pageInfo {{ endCursor }} }} }}");
        Assert.Equal(alone, withPage["villages"]!["totalCount"]!.GetValue<int>());
        Assert.Single(statements);
        Assert.Equal(alone, Sql($"SELECT COUNT(*) FROM \"Villages\" v JOIN \"Counties\" c ON c.\"Id\" = v.\"CountyId\" WHERE {SqlFor(where)}")
            .Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).Single());

        // Past the last row the page is empty and says nothing about the total: it is counted on its own.
        var zero = await factory.QueryAsync($"{{ villages(where: {where}, first: 0) {{ totalCount nodes {{ id }} }} }}");
        Assert.Equal(alone, zero["villages"]!["totalCount"]!.GetValue<int>());
        if (alone == 0) return;
        var last = await factory.QueryAsync($"{{ villages(where: {where}, last: 1) {{ edges {{ cursor }} }} }}");
        var cursor = last["villages"]!["edges"]![0]!["cursor"]!.GetValue<string>();
        var beyond = await factory.QueryAsync($"query($c: String) {{ villages(where: {where}, after: $c) {{ totalCount nodes {{ id }} }} }}", new { c = cursor });
        Assert.Empty(beyond["villages"]!["nodes"]!.AsArray());
        Assert.Equal(alone, beyond["villages"]!["totalCount"]!.GetValue<int>());
    }

    private static string SqlFor(string where) => where switch
    {
        "{registered: {eq: true}}" => "v.\"Registered\" = TRUE",
        "{name: {eq: \"no such village\"}}" => "v.\"Name\" = 'no such village'",
        _ => "c.\"Name\" = '蛟河市' AND v.\"PlannedExitYear\" >= 2018",
    };

    [Fact]
    public async Task Counted_pages_sort_and_limit_their_ids_first_and_page_like_uncounted_ones()
    {
        // A nullable key first, then a to-one key: the order the ID subquery and the outer statement must both keep.
        const string order = "order: [{plannedExitYear: DESC}, {county: {name: ASC}}, {name: ASC}]";
        string Query(string args, bool counted) => $$"""
            { villages({{args}}, {{order}}) {
                edges { cursor node { id {{(counted ? "projects { totalCount } households { totalCount }" : "")}} } }
                pageInfo { hasNextPage hasPreviousPage } } }
            """;
        var counts = Sql("""
            SELECT v."Id", (SELECT COUNT(*) FROM "Projects" p WHERE p."VillageId" = v."Id"),
                   (SELECT COUNT(*) FROM "Households" h WHERE h."VillageId" = v."Id") FROM "Villages" v
            """)
            .ToDictionary(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture), r => (P: Convert.ToInt32(r[1], CultureInfo.InvariantCulture), H: Convert.ToInt32(r[2], CultureInfo.InvariantCulture)));

        var (first, statements) = await Recorded(Query("first: 7", counted: true), null, Official);
        var statement = Assert.Single(statements);
        // The counts sit outside the sorted, limited ID subquery, so only the page's rows are counted.
        var subquery = statement.IndexOf("IN (", StringComparison.Ordinal);
        Assert.True(subquery > 0, statement);
        Assert.True(statement.IndexOf("FROM \"Households\"", StringComparison.Ordinal) < subquery, statement);
        Assert.Contains("LIMIT", statement[subquery..]);

        var cursor = first["villages"]!["edges"]![3]!["cursor"]!.GetValue<string>();
        foreach (var args in new[] { "first: 7", $"first: 9, after: \"{cursor}\"", $"last: 2, before: \"{cursor}\"", "last: 5" })
        {
            var counted = (await factory.QueryAsync(Query(args, counted: true), null, Official))["villages"]!;
            var plain = (await factory.QueryAsync(Query(args, counted: false), null, Official))["villages"]!;
            Assert.Equal(plain["pageInfo"]!.ToJsonString(), counted["pageInfo"]!.ToJsonString());
            var ids = plain["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
            Assert.NotEmpty(ids);
            Assert.Equal(ids, counted["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            Assert.Equal(plain["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()), counted["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()));
            foreach (var node in counted["edges"]!.AsArray().Select(e => e!["node"]!))
            {
                var expected = counts[GlobalId.DecodeFor(node["id"]!.GetValue<string>(), "Village")];
                Assert.Equal(expected.P, node["projects"]!["totalCount"]!.GetValue<int>());
                Assert.Equal(expected.H, node["households"]!["totalCount"]!.GetValue<int>());
            }
        }
    }

    [Fact]
    public async Task Columns_that_are_not_selected_are_not_read()
    {
        var (_, narrow) = await Recorded("{ households(first: 5) { nodes { id memberCount } } }", null, Official);
        var statement = Assert.Single(narrow);
        Assert.Contains("\"MemberCount\"", statement);
        foreach (var column in new[] { "HeadName", "HeadIdNumber", "Phone", "AnnualIncomePerCapita", "SourceReference" })
            Assert.DoesNotContain($"\"{column}\"", statement);

        var (_, wide) = await Recorded("{ households(first: 5) { nodes { id headName provenance { reference } } } }", null, Official);
        Assert.Contains("\"HeadName\"", wide[0]);
        Assert.Contains("\"SourceReference\"", wide[0]);
        Assert.DoesNotContain("\"HeadIdNumber\"", wide[0]);
    }
}
