using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PovertyGraph.Server.Documents;
using PovertyGraph.Tests.Data;

namespace PovertyGraph.Tests.Http;

/// <summary>Requests of the persisted-document and caching tests: GET with a query string, POST with a JSON body.</summary>
internal static class GraphQLGet
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>A document of the repository's documents/ folder: its text, as the server registers it, and its ID.</summary>
    public static (string Text, string Id) Document(string file)
    {
        var text = PersistedDocumentStore.Normalize(File.ReadAllText(Path.Combine(DataTestSupport.RepositoryRoot, "documents", file)));
        return (text, PersistedDocumentResolver.IdPrefix + PersistedDocumentStore.Hash(text));
    }

    public static HttpRequestMessage Get(IDictionary<string, string?> parameters, string accept = GraphQLResponseJson, string? token = null,
        string? ifNoneMatch = null)
    {
        var query = string.Join("&", parameters.Where(p => p.Value != null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + query);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifNoneMatch != null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return request;
    }

    public static HttpRequestMessage Post(object payload, string accept = GraphQLResponseJson, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static async Task<(int Status, HttpResponseMessage Response, JsonNode? Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static string Code(JsonNode body) => (string)body["errors"]![0]!["extensions"]!["code"]!;
}
