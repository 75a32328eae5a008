using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using PovertyGraph.Tests.Browser;

namespace PovertyGraph.Tests.Publishing;

/// <summary>Downloads through the real endpoint, and reads them independently of the server's writers.</summary>
public static class DownloadClient
{
    public static async Task<HttpResponseMessage> GetAsync(WebApplicationFactory<Program> factory, string url, string? token = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, (string Name, string Value)? header = null)
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (header is { } h) request.Headers.Add(h.Name, h.Value);
        return await client.SendAsync(request, completion);
    }

    public static async Task<Csv> CsvAsync(WebApplicationFactory<Program> factory, string url, string? token = null)
    {
        var response = await GetAsync(factory, url, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return Csv.Parse(text);
    }

    /// <summary>The JSON error body of a refused download, with its status.</summary>
    public static async Task<(int Status, JsonNode Error)> RefusedAsync(WebApplicationFactory<Program> factory, string url, string? token = null)
    {
        var response = await GetAsync(factory, url, token);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((int)response.StatusCode, body["errors"]![0]!);
    }

    public static string Json(object value) => Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(value));
}
