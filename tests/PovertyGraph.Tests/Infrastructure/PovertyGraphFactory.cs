using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PovertyGraph.Tests.Infrastructure;

/// <summary>
/// The real server in memory, on the small "jiaohe" profile: all real rows, all 1,489 registered villages,
/// Jiaohe's households, persons, projects and funding. The database is built once per test run.
/// </summary>
public class PovertyGraphFactory : WebApplicationFactory<Program>
{
    public static readonly string DatabasePath = Path.Combine(Path.GetTempPath(), "povertygraph-tests", $"jiaohe-{Environment.ProcessId}.db");

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:ConnectionString"] = DatabasePath,
        ["Database:Profile"] = "jiaohe",
        // The suite sends thousands of requests from one address, on a machine that may be busy: the limits on how
        // often and how long are tested by their own servers (Limits/).
        ["RateLimiting:Enabled"] = "false",
        ["Limits:TimeLimitSeconds:Public"] = "300",
        ["Limits:TimeLimitSeconds:Researcher"] = "300",
        ["Limits:TimeLimitSeconds:Ngo"] = "300",
        ["Limits:TimeLimitSeconds:Official"] = "300",
        ["Limits:TimeLimitSeconds:Admin"] = "300",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var path = Settings["Database:ConnectionString"]!;
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            try { File.Delete(file); } catch (IOException) { /* best effort: a temp file */ }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>POSTs a GraphQL request and returns the status and parsed body.</summary>
    public async Task<(int Status, JsonNode Body)> PostAsync(string query, object? variables = null, string? token = null, string? operationName = null)
    {
        using var client = CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!);
    }

    /// <summary>Runs a query that must succeed and returns its data.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null, string? token = null)
    {
        var (status, body) = await PostAsync(query, variables, token);
        if (status != 200 || body["errors"] != null)
            throw new Xunit.Sdk.XunitException($"query failed ({status}): {body.ToJsonString()}");
        return body["data"]!;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<PovertyGraphFactory>
{
    public const string Name = "api";
}
