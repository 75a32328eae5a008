using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// The attack suite's only way to the server. Every response is scanned whole (<see cref="IdentifierPatterns"/>)
/// unless the caller is authenticated as a role that may see identifiers (OFFICIAL, ADMIN): a PUBLIC, RESEARCHER or
/// unauthenticated response, or a rejected token's, must hold no ID-number or phone pattern, and an NGO's only the
/// phones of its partner villages (read from the database). A number the request itself carries may come back (an error
/// that names the value asked about) and is not counted: the caller knew it already.
/// </summary>
public sealed class AttackServer(PovertyGraphFactory factory)
{
    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> PartnerPhones = new();

    /// <summary>The server's database, for ground truth: built by the server's first start, which this makes sure of.</summary>
    public TestDatabase Database
    {
        get
        {
            _ = factory.Services;
            return factory.Database;
        }
    }

    /// <summary>POSTs a GraphQL request and returns the status and parsed body.</summary>
    public async Task<(int Status, JsonNode Body)> PostAsync(string query, object? variables = null, string? token = null, string? operationName = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var (status, text) = await SendAsync(request);
        return (status, JsonNode.Parse(text)!);
    }

    /// <summary>Runs a query that must succeed and returns its data.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null, string? token = null)
    {
        var (status, body) = await PostAsync(query, variables, token);
        if (status != 200 || body["errors"] != null)
            throw new Xunit.Sdk.XunitException($"query failed ({status}): {body.ToJsonString()}");
        return body["data"]!;
    }

    /// <summary>Sends any request; the response is scanned before the caller sees it.</summary>
    public async Task<(int Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        var asked = Uri.UnescapeDataString(request.RequestUri?.ToString() ?? "") + (request.Content == null ? "" : await request.Content.ReadAsStringAsync());
        var caller = Caller.Of(request);
        using var client = factory.CreateClient();
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status == 401) caller = Caller.Public; // whatever the token claimed, it was not accepted
        AssertNoIdentifierPatterns(caller, asked, text, caller.Organization == null ? null : PartnerPhonesOf(caller.Organization));
        return (status, text);
    }

    /// <summary>
    /// The check every response passes: no identifier pattern beyond what <paramref name="caller"/> may see, what the
    /// request <paramref name="asked"/> itself holds, and <paramref name="partnerPhones"/> for an NGO.
    /// </summary>
    public static void AssertNoIdentifierPatterns(Caller caller, string asked, string response, IReadOnlySet<string>? partnerPhones = null)
    {
        if (caller.SeesIdentifiers) return;
        var leaks = IdentifierPatterns.FindInResponse(response)
            .Where(found => !asked.Contains(found, StringComparison.Ordinal))
            .Where(found => partnerPhones?.Contains(found) != true)
            .ToList();
        Assert.True(leaks.Count == 0,
            $"LEAK: a response to {caller.Role} holds {string.Join(", ", leaks)} (an ID-number or phone pattern): {AttackSupport.Shorten(response)}");
    }

    private IReadOnlySet<string> PartnerPhonesOf(string organization) => PartnerPhones.GetOrAdd($"{Database.ConnectionString}|{organization}", _ =>
    {
        using var connection = Database.Open();
        return connection.Rows("""
            SELECT h."Phone" FROM "Households" h
            JOIN "OrganizationVillages" ov ON ov."VillageId" = h."VillageId"
            JOIN "Organizations" o ON o."Id" = ov."OrganizationId"
            WHERE o."Key" = @org
            """, ("@org", organization)).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
    });

    /// <summary>Who a request claims to be, read from its bearer token's payload (the server decides whether it holds).</summary>
    public sealed record Caller(string Role, string? Organization = null)
    {
        public static readonly Caller Public = new("PUBLIC");

        public bool SeesIdentifiers => Role is "OFFICIAL" or "ADMIN";

        public static Caller Of(HttpRequestMessage request)
        {
            if (!request.Headers.TryGetValues("Authorization", out var values)) return Public;
            var headers = values.ToList();
            if (headers.Count != 1 || !headers[0].StartsWith("Bearer ", StringComparison.Ordinal)) return Public;
            var parts = headers[0]["Bearer ".Length..].Split('.');
            if (parts.Length != 3) return Public;
            try
            {
                var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]));
                var role = payload?["role"]?.GetValue<string>().ToUpperInvariant() ?? "PUBLIC";
                return role == "NGO" ? new Caller(role, payload?["org"]?.GetValue<string>() ?? "") : new Caller(role);
            }
            catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
            {
                return Public;
            }
        }
    }
}
