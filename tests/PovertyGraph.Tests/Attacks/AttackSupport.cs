using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PovertyGraph.Tests.Infrastructure;

namespace PovertyGraph.Tests.Attacks;

/// <summary>A person as OFFICIAL sees it: the secrets a PUBLIC or out-of-scope NGO caller must never learn.</summary>
public sealed record PersonTruth(string Id, string Name, string IdNumber, string BirthDate);

/// <summary>A household as OFFICIAL sees it.</summary>
public sealed record HouseholdTruth(
    string Id, string VillageId, string HeadName, string HeadIdNumber, string Phone, string? PrimaryCause, decimal? Income,
    int MemberCount, IReadOnlyList<PersonTruth> Members);

/// <summary>One village's households, as OFFICIAL sees them.</summary>
public sealed record VillageTruth(string Id, string Name, string TownshipId, IReadOnlyList<HouseholdTruth> Households);

/// <summary>
/// Ground truth for the attack tests (learnt through OFFICIAL queries, once per test run) and the checks that a
/// response leaks none of it.
/// </summary>
public static class AttackSupport
{
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The response as text, with Chinese characters unescaped, so that secrets can be searched for.</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";

    /// <summary>
    /// <see cref="Text"/> for comparing two answers: each error's <c>extensions.requestId</c> names its own request, so it
    /// differs between any two requests and says nothing about what was asked.
    /// </summary>
    /// <summary>The answer without what differs by request but says nothing about the data: its request ID, and its
    /// receipt's hash of the variables sent (a function of the caller's own input).</summary>
    public static string Comparable(JsonNode? node) => Regex.Replace(Regex.Replace(Text(node), "\"requestId\":\"[^\"]*\"", "\"requestId\":\"…\""),
        "\"variablesHash\":\"sha256:[0-9a-f]{64}\"", "\"variablesHash\":\"…\"");

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Truth? _truth;

    public sealed record Truth(
        VillageTruth Big,            // the non-partner village with the most households
        VillageTruth Partner,        // a partner village of the Jiaohe NGO (with the most households)
        IReadOnlyList<string> PartnerVillageIds,
        IReadOnlyList<VillageTruth> Others, // a few more non-partner villages
        IReadOnlySet<string> PartnerNames) // every head's and member's full name in all partner villages (an NGO sees them)
    {
        public IEnumerable<HouseholdTruth> NonPartnerHouseholds => Others.Prepend(Big).SelectMany(v => v.Households);
        public IEnumerable<HouseholdTruth> AllHouseholds => NonPartnerHouseholds.Concat(Partner.Households);
    }

    public const string HouseholdFields = """
        id memberCount headName headIdNumber phone primaryCause annualIncomePerCapita village { id }
        members(first: 50) { nodes { id name idNumber birthDate } }
        """;

    public static async Task<Truth> TruthAsync(PovertyGraphFactory factory)
    {
        if (_truth != null) return _truth;
        await Gate.WaitAsync();
        try
        {
            if (_truth != null) return _truth;
            var me = await factory.QueryAsync("{ me { partnerVillageIds } }", token: Tokens.Ngo());
            var partnerIds = me["me"]!["partnerVillageIds"]!.AsArray().Select(n => n!.ToString()).ToList();
            // Jiaohe's villages with households (the test database has households only there).
            var villages = new List<(string Id, string Name, string Township, int Count)>();
            string? after = null;
            do
            {
                var page = await factory.QueryAsync("""
                    query($after: String) { villages(first: 500, after: $after, where: { households: { any: true } }) {
                      nodes { id name township { id } households { totalCount } } pageInfo { hasNextPage endCursor } } }
                    """, new { after });
                foreach (var v in page["villages"]!["nodes"]!.AsArray())
                    villages.Add((v!["id"]!.ToString(), v["name"]!.ToString(), v["township"]!["id"]!.ToString(), (int)v["households"]!["totalCount"]!));
                after = (bool)page["villages"]!["pageInfo"]!["hasNextPage"]! ? page["villages"]!["pageInfo"]!["endCursor"]!.ToString() : null;
            } while (after != null);

            var nonPartner = villages.Where(v => !partnerIds.Contains(v.Id)).OrderByDescending(v => v.Count).ThenBy(v => v.Id, StringComparer.Ordinal).ToList();
            var partner = villages.Where(v => partnerIds.Contains(v.Id)).OrderByDescending(v => v.Count).ThenBy(v => v.Id, StringComparer.Ordinal).First();
            var big = await VillageAsync(factory, nonPartner[0]);
            var others = new List<VillageTruth>();
            foreach (var v in nonPartner.Skip(1).Where(v => v.Count >= 8).Take(3)) others.Add(await VillageAsync(factory, v));
            var names = await factory.QueryAsync("""
                query($p: [ID!]) { households(first: 500, where: { village: { id: { in: $p } } }) { totalCount nodes { headName members { nodes { name } } } } }
                """, new { p = partnerIds }, Tokens.Official);
            Assert.True((int)names["households"]!["totalCount"]! <= 500);
            var partnerNames = Properties(names).Where(p => p.Name is "headName" or "name").Select(p => p.Value!.ToString()).ToHashSet(StringComparer.Ordinal);
            return _truth = new Truth(big, await VillageAsync(factory, partner), partnerIds, others, partnerNames);
        }
        finally { Gate.Release(); }
    }

    private static async Task<VillageTruth> VillageAsync(PovertyGraphFactory factory, (string Id, string Name, string Township, int Count) v)
    {
        var data = await factory.QueryAsync($$"""
            query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) { nodes { {{HouseholdFields}} } } }
            """, new { v = v.Id }, Tokens.Official);
        var households = data["households"]!["nodes"]!.AsArray().Select(h => ParseHousehold(h!)).ToList();
        Assert.Equal(v.Count, households.Count);
        return new VillageTruth(v.Id, v.Name, v.Township, households);
    }

    public static HouseholdTruth ParseHousehold(JsonNode h) => new(
        h["id"]!.ToString(), h["village"]!["id"]!.ToString(), h["headName"]!.ToString(), h["headIdNumber"]!.ToString(),
        h["phone"]!.ToString(), h["primaryCause"]?.ToString(), (decimal?)h["annualIncomePerCapita"], (int)h["memberCount"]!,
        h["members"]!["nodes"]!.AsArray().Select(p => new PersonTruth(p!["id"]!.ToString(), p["name"]!.ToString(),
            p["idNumber"]!.ToString(), p["birthDate"]!.ToString())).ToList());

    // ------------------------------------------------------------------------------------------ leak checks

    /// <summary>The strings whose presence in a response would disclose a household's identifiers.</summary>
    public static IEnumerable<(string What, string Secret)> Secrets(HouseholdTruth h)
    {
        yield return ($"headIdNumber of {h.Id}", h.HeadIdNumber);
        yield return ($"birth-date digits of the head's ID number of {h.Id}", h.HeadIdNumber[6..14]);
        yield return ($"middle digits of the head's ID number of {h.Id}", h.HeadIdNumber[6..10] + h.HeadIdNumber[10..14]);
        yield return ($"phone of {h.Id}", h.Phone);
        yield return ($"phone digits of {h.Id}", h.Phone[3..]);
        if (h.HeadName.Length >= 2) yield return ($"headName of {h.Id}", h.HeadName);
        foreach (var p in h.Members)
        {
            yield return ($"idNumber of {p.Id}", p.IdNumber);
            yield return ($"birth-date digits of {p.Id}'s ID number", p.IdNumber[6..14]);
            yield return ($"birth date of {p.Id}", p.BirthDate);
            if (p.Name.Length >= 2) yield return ($"name of {p.Id}", p.Name);
        }
    }

    /// <summary>The response must contain none of the identifiers of <paramref name="households"/>.</summary>
    public static void AssertNoIdentifiers(JsonNode? body, IEnumerable<HouseholdTruth> households, string context, IReadOnlySet<string>? visibleNames = null)
    {
        var text = Text(body);
        // Names are compared with whole string values (a two-character name can be part of another, legitimately visible one);
        // ID numbers, their birth-date digits, phones and birth dates anywhere in the text.
        var values = Properties(body).Where(p => p.Value is JsonValue).Select(p => p.Value!.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var h in households)
            foreach (var (what, secret) in Secrets(h))
            {
                var found = what.StartsWith("headName", StringComparison.Ordinal) || what.StartsWith("name", StringComparison.Ordinal)
                    ? values.Contains(secret) && visibleNames?.Contains(secret) != true
                    : text.Contains(secret, StringComparison.Ordinal);
                Assert.False(found, $"LEAK ({context}): the response contains the {what} ('{secret}'): {Shorten(text)}");
            }
    }

    private static readonly Regex MaskedName = new(@"^\p{L}{1,2}\*$");
    private static readonly Regex MaskedId = new(@"^\d{6}\*{8}[0-9X]{4}$");
    private static readonly Regex YearOnly = new(@"^\d{4}$");

    /// <summary>
    /// Walks the response: every protected field (by its schema name, whatever alias it came under when
    /// <paramref name="aliases"/> maps alias → field) is at most what PUBLIC may see.
    /// </summary>
    public static void AssertPublicView(JsonNode? body, string context, IReadOnlyDictionary<string, string>? aliases = null)
    {
        foreach (var (name, value) in Properties(body))
        {
            var field = aliases != null && aliases.TryGetValue(name, out var f) ? f : name;
            var text = value?.ToString();
            switch (field)
            {
                case "headIdNumber" or "idNumber" or "phone" or "primaryCause" or "annualIncomePerCapita":
                    Assert.True(value == null, $"LEAK ({context}): {name} = {text} should be hidden");
                    break;
                case "headName" or "personName":
                    Assert.True(value == null || MaskedName.IsMatch(text!), $"LEAK ({context}): {name} = {text} should be masked (surname + *)");
                    break;
                case "birthDate":
                    Assert.True(value == null || YearOnly.IsMatch(text!), $"LEAK ({context}): {name} = {text} should be the year only");
                    break;
            }
        }
    }

    /// <summary>Every protected value an NGO sees in its partner villages is at most its level there (ID numbers masked).</summary>
    public static void AssertNgoPartnerView(JsonNode? body, string context)
    {
        foreach (var (name, value) in Properties(body))
            if (name is "headIdNumber" or "idNumber" && value != null)
                Assert.True(MaskedId.IsMatch(value.ToString()), $"LEAK ({context}): {name} = {value} should be masked (first 6 and last 4)");
    }

    /// <summary>Every household object in the response that names its village: outside <paramref name="partnerVillageIds"/> it shows the PUBLIC view only.</summary>
    public static int AssertRowsOutsidePartnerVillagesMasked(JsonNode? body, IReadOnlyList<string> partnerVillageIds, string context)
    {
        var checkedRows = 0;
        foreach (var o in Objects(body))
            if (o["village"] is JsonObject v && v["id"] is { } id && o.ContainsKey("headName"))
            {
                if (partnerVillageIds.Contains(id.ToString())) continue;
                AssertPublicView(o, $"{context}, village {id}");
                checkedRows++;
            }
        return checkedRows;
    }

    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            yield return o;
            foreach (var (_, v) in o)
                foreach (var inner in Objects(v)) yield return inner;
        }
        else if (node is JsonArray a)
            foreach (var item in a)
                foreach (var inner in Objects(item)) yield return inner;
    }

    public static IEnumerable<(string Name, JsonNode? Value)> Properties(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    if (v is not JsonObject and not JsonArray) yield return (k, v);
                    foreach (var inner in Properties(v)) yield return inner;
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                    foreach (var inner in Properties(item)) yield return inner;
                break;
        }
    }

    public static string Shorten(string text) => text.Length > 1500 ? text[..1500] + "…" : text;

    /// <summary>The request failed: errors, and no data that could carry a protected value.</summary>
    public static void AssertRefused(int status, JsonNode body, string context)
    {
        Assert.True(body["errors"] is JsonArray { Count: > 0 }, $"{context}: expected an error, got {status} {Shorten(Text(body))}");
        var data = body["data"];
        // GraphQL may return data: null, or the parent of the failing field as null.
        foreach (var (name, value) in Properties(data))
            Assert.True(value == null || name == "__typename", $"{context}: the refused request still returned {name} = {value}: {Shorten(Text(body))}");
    }

    // ------------------------------------------------------------------------------------------ HTTP

    public static async Task<(int Status, string Body)> SendAsync(PovertyGraphFactory factory, HttpRequestMessage request)
    {
        using var client = factory.CreateClient();
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static HttpRequestMessage PostRaw(string json, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (authorization != null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    public static HttpRequestMessage Get(string query, object? variables = null, string? token = null)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query);
        if (variables != null) url += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    // ------------------------------------------------------------------------------------------ statistics

    /// <summary>
    /// What a protected caller can compute from one published cell: the exact sum behind it, when the
    /// published count, sum and average together with the exact row count (totalCount) admit exactly one
    /// value. Null when the attacker cannot be sure.
    /// </summary>
    public static long? ExactSumFrom(int exactCount, int publishedCount, decimal? publishedSum, double? publishedAvg)
    {
        if (publishedSum == null || publishedAvg == null || exactCount <= 0) return null;
        var candidates = new HashSet<long>();
        for (var s = -2; s <= 2; s++)
        {
            if (exactCount + s <= 0) continue;
            var approx = publishedAvg.Value * publishedCount * exactCount / (exactCount + s);
            for (var S = (long)Math.Floor(approx) - 2; S <= (long)Math.Ceiling(approx) + 2; S++)
            {
                var sum = S + s * (long)Math.Round((double)S / exactCount);
                var avg = (double)S / exactCount * (exactCount + s) / publishedCount;
                if (sum == publishedSum && Math.Abs(Math.Round(avg, 4) - publishedAvg.Value) < 0.00011) candidates.Add(S);
            }
        }
        return candidates.Count == 1 ? candidates.Single() : null;
    }

    /// <summary>
    /// What a protected caller can compute from one published group without knowing its size: the exact count and
    /// sums, when the published count and the sums and averages of two fields (which share the cell's noise) admit
    /// exactly one solution. Null when the attacker cannot be sure.
    /// </summary>
    public static (int Count, long SumA, long SumB)? ExactCellFrom(int publishedCount, long sumA, double avgA, long sumB, double avgB)
    {
        var solutions = new HashSet<(int, long, long)>();
        for (var c = -2; c <= 2; c++)
        {
            var n = publishedCount - c;
            if (n < 1) continue;
            for (var s = -2; s <= 2; s++)
            {
                if (n + s <= 0) continue;
                var a = Solve(n, s, sumA, avgA);
                var b = Solve(n, s, sumB, avgB);
                if (a != null && b != null) solutions.Add((n, a.Value, b.Value));
            }
        }
        return solutions.Count == 1 ? solutions.Single() : null;

        long? Solve(int n, int s, long published, double avg)
        {
            var approx = avg * publishedCount * n / (n + s);
            for (var S = (long)Math.Floor(approx) - 2; S <= (long)Math.Ceiling(approx) + 2; S++)
                if (S + s * (long)Math.Round((double)S / n) == published && Math.Abs(Math.Round((double)S / n * (n + s) / publishedCount, 4) - avg) < 0.00011)
                    return S;
            return null;
        }
    }

    public static string IdOf(string type, object key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
