using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.Server.Documents;
using static PovertyGraph.Tests.Http.GraphQLGet;

namespace PovertyGraph.Tests.Http;

/// <summary>Allow-list mode: PUBLIC runs registered documents (by ID or exact text) and nothing else, and cannot register any.</summary>
public sealed class AllowListTests(AllowListFactory factory) : IClassFixture<AllowListFactory>
{
    private const string FreeQuery = "{ counties(first: 1) { nodes { name } } }";

    private static object Apq(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    [Fact]
    public async Task A_public_caller_runs_a_registered_document_by_ID_or_by_its_text()
    {
        var (text, id) = Document("villages-exiting-by-year.graphql");
        using var client = factory.CreateClient();
        var (byId, _, idBody) = await SendAsync(client, Post(new { documentId = id }));
        var (byText, _, textBody) = await SendAsync(client, Post(new { query = text }));
        Assert.Equal((200, 200), (byId, byText));
        Assert.True((int)idBody!["data"]!["villages"]!["totalCount"]! > 0);
        Assert.Equal(textBody!.ToJsonString(), idBody.ToJsonString());
    }

    [Fact]
    public async Task A_public_caller_s_own_document_is_refused_before_any_SQL()
    {
        await factory.QueryAsync("{ villages(first: 1) { totalCount } }", token: Tokens.Official); // statistics read
        var sql = factory.Services.GetRequiredService<SqlCommandLog>();
        var before = sql.Count;
        using var client = factory.CreateClient();
        foreach (var request in new[] { Post(new { query = FreeQuery }), Get(new Dictionary<string, string?> { ["query"] = FreeQuery }) })
        {
            var (status, _, body) = await SendAsync(client, request);
            Assert.Equal(400, status);
            Assert.Equal(PersistedDocumentResolver.RequiredCode, Code(body!));
            Assert.Contains("documentId", (string)body!["errors"]![0]!["message"]!);
        }
        Assert.Equal(before, sql.Count);
    }

    [Fact]
    public async Task A_token_holder_may_still_send_any_document()
    {
        var data = await factory.QueryAsync(FreeQuery, token: Tokens.Researcher);
        Assert.Single(data["counties"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Automatic_registration_cannot_open_the_list()
    {
        var query = $"{FreeQuery} # {Guid.NewGuid()}";
        var hash = PersistedDocumentStore.Hash(query);
        using var client = factory.CreateClient();

        // A public caller may not register,
        var (refused, _, refusedBody) = await SendAsync(client, Post(new { query, extensions = Apq(hash) }));
        Assert.Equal(400, refused);
        Assert.Equal(PersistedDocumentResolver.RequiredCode, Code(refusedBody!));
        // and what a token holder registered does not run for a public caller.
        var (registered, _, _) = await SendAsync(client, Post(new { query, extensions = Apq(hash) }, token: Tokens.Researcher));
        Assert.Equal(200, registered);
        var (byHash, _, byHashBody) = await SendAsync(client, Post(new { extensions = Apq(hash) }));
        var (byId, _, byIdBody) = await SendAsync(client, Post(new { documentId = PersistedDocumentResolver.IdPrefix + hash }));
        Assert.Equal((400, 400), (byHash, byId));
        Assert.Equal(PersistedDocumentResolver.NotFoundCode, Code(byHashBody!));
        Assert.Equal(PersistedDocumentResolver.NotFoundCode, Code(byIdBody!));
    }
}
