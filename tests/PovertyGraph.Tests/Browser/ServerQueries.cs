using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Browser;

/// <summary>GraphQL over plain HTTP against the server process: the tests' own, independent view of the API's figures.</summary>
public static class ServerQueries
{
    public static async Task<JsonNode> QueryAsync(this ServerProcess server, string query, string? token = null)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (!response.IsSuccessStatusCode || body["errors"] is not null)
            throw new Xunit.Sdk.XunitException($"query failed ({(int)response.StatusCode}): {body.ToJsonString()}\n{query}");
        return body["data"]!;
    }
}
