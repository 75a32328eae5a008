using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.Server.Auth;

namespace PovertyGraph.Benchmarks;

/// <summary>The real server, in process, on the province-scale database (SQLite or PostgreSQL).</summary>
internal sealed class BenchFactory(string repositoryRoot, BenchDatabase database, IReadOnlyDictionary<string, string?> extraSettings,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (services != null) builder.ConfigureTestServices(services); // after the app's own registrations: these replace them
        // The factory looks for its manifest in the working directory, which `dotnet run` leaves at the caller's.
        builder.UseContentRoot(Path.Combine(repositoryRoot, "src", "PovertyGraph.Server"));
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Database:Profile", "province");
        // Quiet: per-request logging would be measured too.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:PovertyGraph.Database", "Information");
        builder.UseSetting("Logging:LogLevel:PovertyGraph.Auth", "Error");
        // One caller sending thousands of requests a minute is what the per-caller rate limit refuses: off, except
        // in the hostile-load run, which measures the limits (Program passes RateLimiting:Enabled=true there).
        builder.UseSetting("RateLimiting:Enabled", "false");
        foreach (var (key, value) in extraSettings) builder.UseSetting(key, value);
    }
}

/// <summary>POST /graphql through the factory's in-memory HttpClient.</summary>
internal sealed class GraphQLClient(HttpClient http, string? token)
{
    public string? Token { get; } = token;

    public static string? OfficialToken(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        return options.UsesAuthority ? null : new DevelopmentTokens(options).Create(Role.Official, subject: "benchmark");
    }

    public static byte[] Body(string query, object? variables) =>
        JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    /// <summary>One request; returns the status and the raw body (read completely, not parsed).</summary>
    public async Task<(int Status, string Body)> SendAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (Token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text);
    }

    /// <summary>A request that must succeed: its data.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var (status, text) = await SendAsync(Body(query, variables));
        return Data(status, text);
    }

    public static JsonNode Data(int status, string text)
    {
        var body = JsonNode.Parse(text);
        if (status != 200 || body?["errors"] != null || body?["data"] == null)
            throw new InvalidOperationException($"GraphQL request failed ({status}): {Truncate(text, 2000)}");
        return body["data"]!;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}

internal static class Timing
{
    public static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
