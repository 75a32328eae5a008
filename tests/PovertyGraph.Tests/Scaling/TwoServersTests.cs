using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PovertyGraph.Data.Generation;
using PovertyGraph.Server.Documents;
using PovertyGraph.Tests.Browser;
using PovertyGraph.Tests.Data;

namespace PovertyGraph.Tests.Scaling;

/// <summary>
/// Two server processes on one database (the run's provider), as replicas behind a load balancer: they start together
/// on the empty database and build it once; a cursor, a token and an ETag issued by one are honoured by the other, and
/// both write audit entries into the one table. What each process keeps to itself is shown too: a cursor signed with
/// another <c>Paging:CursorKey</c> is refused, and a document registered through automatic persisted queries is known
/// only to the process that registered it (docs/SCALING.md).
/// </summary>
public sealed class TwoServersTests
{
    private const string VillagePage = "query($after: String) { villages(first: 7, after: $after, order: [{ name: ASC }]) { nodes { id name } pageInfo { endCursor } } }";

    [Fact]
    public async Task Two_servers_on_one_database_share_cursors_tokens_and_ETags_and_build_it_once()
    {
        using var database = TestDatabase.Create("twoservers");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        string[] shared = ["--Paging:CursorKey=two-servers-test-cursor-key", "--RateLimiting:Enabled=false"];
        var starting = new[] { Start(database, shared, timeout.Token), Start(database, shared, timeout.Token) };
        await using var a = await starting[0];
        await using var b = await starting[1];

        // Built once: one process logged the build, and the database holds one dataset with Jiaohe's published households.
        Assert.Equal(1, new[] { a, b }.Count(s => s.HasLogged("built in")));
        var totals = PublishedTotals.Load(DataTestSupport.SeedDataPath);
        using (var db = database.Open())
        {
            Assert.Equal(1L, db.Scalar("SELECT COUNT(*) FROM \"DatasetInfo\""));
            Assert.Equal(totals.Get(totals.DetailedCounty, "HOUSEHOLDS", "ALL"), db.Scalar("SELECT COUNT(*) FROM \"Households\""));
        }

        // One cursor across the two: A's first page, then B's page after A's cursor equals A's own next page.
        var first = await Page(a, null);
        var second = await Page(b, first["pageInfo"]!["endCursor"]!.GetValue<string>());
        var both = await a.QueryAsync("{ villages(first: 14, order: [{ name: ASC }]) { nodes { id name } } }");
        Assert.Equal(both["villages"]!["nodes"]!.AsArray().Skip(7).Select(n => n!.ToJsonString()),
            second["nodes"]!.AsArray().Select(n => n!.ToJsonString()));

        // A token signed with the configured key is accepted by both; the audit entries of both land in one table.
        foreach (var server in new[] { a, b })
        {
            var me = await server.QueryAsync("{ me { role } households(first: 1) { nodes { headName } } }", Tokens.Official);
            Assert.Equal("OFFICIAL", me["me"]!["role"]!.GetValue<string>());
        }
        using (var db = database.Open())
            Assert.Equal(2L, db.Scalar("SELECT COUNT(DISTINCT \"Id\") FROM \"AuditEntries\" WHERE \"Role\" = 'OFFICIAL'"));

        // An ETag from A is current on B: the data version is read from the database, the build is the same.
        var url = "graphql?query=" + Uri.EscapeDataString("{ dataset { version } counties(first: 3) { nodes { name } } }");
        var (okStatus, okHeaders, _) = await SendAsync(a, new HttpRequestMessage(HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.OK, okStatus);
        var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.IfNoneMatch.Add(okHeaders.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(b, revalidate)).Status);

        // Per process: a document registered on A by its hash is unknown to B (Apollo's client then sends the text).
        var query = $"{{ counties(first: 1) {{ nodes {{ name }} }} }} # {Guid.NewGuid()}";
        var apq = new { persistedQuery = new { version = 1, sha256Hash = PersistedDocumentStore.Hash(query) } };
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(a, Post(new { query, extensions = apq }))).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(a, Post(new { extensions = apq }))).Status);
        var (unknownStatus, _, unknown) = await SendAsync(b, Post(new { extensions = apq }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        Assert.Equal(PersistedDocumentResolver.NotFoundCode, unknown!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        // The cursor key is the state the processes share through configuration: a server with another key refuses it.
        await using var other = await ServerProcess.StartAsync(new ServerStartOptions(ConnectionString: database.ConnectionString,
            Arguments: ["--Paging:CursorKey=some-other-cursor-key"]), timeout.Token);
        var (_, _, refused) = await SendAsync(other, Post(new { query = VillagePage, variables = new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() } }));
        Assert.Contains("not a valid cursor", refused!["errors"]![0]!["message"]!.GetValue<string>());
    }

    private static Task<ServerProcess> Start(TestDatabase database, string[] arguments, CancellationToken cancellation) =>
        ServerProcess.StartAsync(new ServerStartOptions(ConnectionString: database.ConnectionString, Arguments: arguments), cancellation);

    private static async Task<JsonNode> Page(ServerProcess server, string? after)
    {
        var (status, _, body) = await SendAsync(server, Post(new { query = VillagePage, variables = new { after } }));
        Assert.True(status == HttpStatusCode.OK && body!["errors"] is null, body?.ToJsonString());
        var page = body!["data"]!["villages"]!;
        Assert.Equal(7, page["nodes"]!.AsArray().Count);
        return page;
    }

    private static HttpRequestMessage Post(object body) => new(HttpMethod.Post, "graphql")
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };

    private static async Task<(HttpStatusCode Status, HttpResponseHeaders Headers, JsonNode? Body)> SendAsync(ServerProcess server, HttpRequestMessage request)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Headers, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
