using System.Text.Json;
using PovertyGraph.Server.Documents;
using PovertyGraph.Tests.Data;
using static PovertyGraph.Tests.Http.GraphQLGet;

namespace PovertyGraph.Tests.Http;

/// <summary>
/// Persisted documents: the repository's documents/ run by ID over GET and POST (the GraphQL-over-HTTP convention) and by
/// Apollo's hash; clients register documents through Apollo's automatic persisted queries; unknown IDs are clear errors.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PersistedDocumentTests(PovertyGraphFactory factory)
{
    private static readonly string[] Files = Directory.GetFiles(Path.Combine(DataTestSupport.RepositoryRoot, "documents"), "*.graphql")
        .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public static TheoryData<string> DocumentFiles => new(Files);

    private static Dictionary<string, string?> Parameters(params (string Name, string? Value)[] parameters) => parameters.ToDictionary(p => p.Name, p => p.Value);

    [Fact]
    public void The_folder_holds_the_examples_of_the_README_with_their_IDs()
    {
        Assert.True(Files.Length >= 6, string.Join(", ", Files));
        var readme = File.ReadAllText(Path.Combine(DataTestSupport.RepositoryRoot, "README.md"));
        foreach (var file in Files)
        {
            var (_, id) = Document(file);
            Assert.Contains($"`{file}`", readme);
            Assert.Contains(id, readme);
        }
    }

    [Theory]
    [MemberData(nameof(DocumentFiles))]
    public async Task Every_document_runs_by_its_ID_without_a_token(string file)
    {
        var (_, id) = Document(file);
        using var client = factory.CreateClient();
        var (status, _, body) = await SendAsync(client, Post(new { documentId = id }));
        Assert.Equal(200, status);
        Assert.Null(body!["errors"]);
        var data = body["data"]!.AsObject();
        Assert.NotEmpty(data);
        Assert.All(data, field => Assert.NotNull(field.Value)); // every root field answered
    }

    [Fact]
    public async Task The_village_page_runs_by_ID_over_GET_and_POST_with_its_variables()
    {
        var (text, id) = Document("village-page.graphql");
        using var client = factory.CreateClient();
        var (_, _, first) = await SendAsync(client, Get(Parameters(("documentId", id))));
        var cursor = (string)first!["data"]!["villages"]!["pageInfo"]!["endCursor"]!;
        var variables = JsonSerializer.Serialize(new { after = cursor });

        var (getStatus, _, byGet) = await SendAsync(client, Get(Parameters(("documentId", id), ("variables", variables))));
        var (postStatus, _, byPost) = await SendAsync(client, Post(new { documentId = id, variables = new { after = cursor } }));
        var (_, _, byText) = await SendAsync(client, Post(new { query = text, variables = new { after = cursor } }));
        Assert.Equal((200, 200), (getStatus, postStatus));
        Assert.Equal(50, byGet!["data"]!["villages"]!["edges"]!.AsArray().Count);
        Assert.NotEqual(first["data"]!.ToJsonString(), byGet["data"]!.ToJsonString()); // the next page
        Assert.Equal(byText!.ToJsonString(), byGet.ToJsonString());
        Assert.Equal(byText.ToJsonString(), byPost!.ToJsonString());
    }

    [Theory]
    [InlineData(GraphQLResponseJson, 400)]
    [InlineData("application/json", 200)]
    public async Task An_unknown_document_ID_is_a_request_error(string accept, int expected)
    {
        using var client = factory.CreateClient();
        var id = PersistedDocumentResolver.IdPrefix + new string('0', 64);
        foreach (var request in new[] { Get(Parameters(("documentId", id)), accept), Post(new { documentId = id }, accept) })
        {
            var (status, _, body) = await SendAsync(client, request);
            Assert.Equal(expected, status);
            Assert.Equal(PersistedDocumentResolver.NotFoundCode, Code(body!));
            Assert.False(body!.AsObject().ContainsKey("data"));
        }
    }

    [Theory]
    [InlineData("63671394a66442b14687bfa9a21f06f2a8c15fa5a2ef2ff0f72652639c1fb7dd")] // no prefix
    [InlineData("sha256:xyz")]
    [InlineData("md5:63671394a66442b14687bfa9a21f06f2")]
    public async Task A_malformed_document_ID_is_refused(string id)
    {
        using var client = factory.CreateClient();
        var (status, _, body) = await SendAsync(client, Post(new { documentId = id }));
        Assert.Equal(400, status);
        Assert.Equal("INVALID_REQUEST", Code(body!));
        Assert.Contains("documentId", (string)body!["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task A_query_and_a_document_ID_together_are_refused()
    {
        var (text, id) = Document("village-page.graphql");
        using var client = factory.CreateClient();
        var (status, _, body) = await SendAsync(client, Post(new { query = text, documentId = id }));
        Assert.Equal(400, status);
        Assert.Contains("not both", (string)body!["errors"]![0]!["message"]!);
    }

    private static object Apq(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    [Fact]
    public async Task Automatic_persisted_queries_register_and_then_run_by_hash_over_GET_and_POST()
    {
        var query = $"{{ counties(first: 2, order: [{{ name: ASC }}]) {{ nodes {{ name }} }} }} # {Guid.NewGuid()}";
        var hash = PersistedDocumentStore.Hash(query);
        using var client = factory.CreateClient();

        var (unknownStatus, _, unknown) = await SendAsync(client, Post(new { extensions = Apq(hash) }));
        Assert.Equal(400, unknownStatus);
        Assert.Equal(PersistedDocumentResolver.NotFoundCode, Code(unknown!));
        Assert.Equal("PersistedQueryNotFound", (string)unknown!["errors"]![0]!["message"]!); // what Apollo's clients look for

        var (registeredStatus, _, registered) = await SendAsync(client, Post(new { query, extensions = Apq(hash) }));
        Assert.Equal(200, registeredStatus);
        var (byPostStatus, _, byPost) = await SendAsync(client, Post(new { extensions = Apq(hash) }));
        var (byGetStatus, _, byGet) = await SendAsync(client, Get(Parameters(("extensions", JsonSerializer.Serialize(Apq(hash))))));
        var (byIdStatus, _, byId) = await SendAsync(client, Get(Parameters(("documentId", PersistedDocumentResolver.IdPrefix + hash))));
        Assert.Equal((200, 200, 200), (byPostStatus, byGetStatus, byIdStatus));
        Assert.Equal(2, registered!["data"]!["counties"]!["nodes"]!.AsArray().Count);
        Assert.Equal(registered.ToJsonString(), byPost!.ToJsonString());
        Assert.Equal(registered.ToJsonString(), byGet!.ToJsonString());
        Assert.Equal(registered.ToJsonString(), byId!.ToJsonString());
    }

    [Fact]
    public async Task A_hash_that_is_not_the_query_s_is_refused_and_registers_nothing()
    {
        var query = $"{{ counties(first: 1) {{ nodes {{ name }} }} }} # {Guid.NewGuid()}";
        var wrong = PersistedDocumentStore.Hash(query + " ");
        using var client = factory.CreateClient();
        var (status, _, body) = await SendAsync(client, Post(new { query, extensions = Apq(wrong) }));
        Assert.Equal(400, status);
        Assert.Equal(PersistedDocumentResolver.HashMismatchCode, Code(body!));
        var (_, _, later) = await SendAsync(client, Post(new { extensions = Apq(wrong) }));
        Assert.Equal(PersistedDocumentResolver.NotFoundCode, Code(later!));
    }

    [Fact]
    public async Task A_document_that_fails_is_not_registered()
    {
        var query = $"{{ counties {{ noSuchField }} }} # {Guid.NewGuid()}";
        var hash = PersistedDocumentStore.Hash(query);
        using var client = factory.CreateClient();
        var (_, _, failed) = await SendAsync(client, Post(new { query, extensions = Apq(hash) }));
        Assert.Contains("noSuchField", (string)failed!["errors"]![0]!["message"]!);
        var (_, _, later) = await SendAsync(client, Post(new { extensions = Apq(hash) }));
        Assert.Equal(PersistedDocumentResolver.NotFoundCode, Code(later!));
    }

    [Fact]
    public async Task A_repository_document_runs_by_Apollo_hash_without_registration()
    {
        var (text, id) = Document("photovoltaic-projects.graphql");
        using var client = factory.CreateClient();
        var (status, _, body) = await SendAsync(client, Post(new { extensions = Apq(id[PersistedDocumentResolver.IdPrefix.Length..]) }));
        var (_, _, byText) = await SendAsync(client, Post(new { query = text }));
        Assert.Equal(200, status);
        Assert.Equal(byText!.ToJsonString(), body!.ToJsonString());
    }
}
