using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PovertyGraph.Tests.Infrastructure;

/// <summary>
/// The real server in memory, on the small "jiaohe" profile: all real rows, all 1,489 registered villages,
/// Jiaohe's households, persons, projects and funding. Each factory has its own database of the run's provider
/// (<see cref="TestDatabase"/>: SQLite, or PostgreSQL when configured), built on the server's first start.
/// </summary>
public class PovertyGraphFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<TestDatabase> _database;

    public PovertyGraphFactory() => _database = new(() => TestDatabase.Create(Profile));

    /// <summary>The database this server runs on; <see cref="TestDatabase.Open"/> reads it directly.</summary>
    public TestDatabase Database => _database.Value;

    protected virtual string Profile => "jiaohe";

    // No Database:Provider: the server infers it from the connection string, as for a user who sets only that.
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:ConnectionString"] = Database.ConnectionString,
        ["Database:Profile"] = Profile,
        // The suite sends thousands of requests from one address, on a machine that may be busy: the limits on how
        // often and how long are tested by their own servers (Limits/).
        ["RateLimiting:Enabled"] = "false",
        ["Limits:TimeLimitSeconds:Public"] = "300",
        ["Limits:TimeLimitSeconds:Researcher"] = "300",
        ["Limits:TimeLimitSeconds:Ngo"] = "300",
        ["Limits:TimeLimitSeconds:Official"] = "300",
        ["Limits:TimeLimitSeconds:Admin"] = "300",
        // Every answer's receipt names the data version, read at most this often: tests that count a request's statements
        // must not see that read (the server reads it once at start). Http/ImportingFactory tests the reading itself.
        ["HttpCaching:VersionCheckMilliseconds"] = "3600000",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database.IsValueCreated)
        {
            _database.Value.Dispose();
        }
        else if (Settings.TryGetValue("Database:ConnectionString", out var path) && path != null
                 && PovertyGraph.Data.DatabaseOptions.Infer(path) == PovertyGraph.Data.DatabaseProvider.Sqlite)
        {
            // A subclass that brings its own SQLite file (OperationsFactory): delete it as a TestDatabase would.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                try { File.Delete(file); } catch (IOException) { /* best effort: a temp file */ }
        }
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
