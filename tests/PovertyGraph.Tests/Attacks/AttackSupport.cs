using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// The checks that a response leaks none of the ground truth (<see cref="AttackTruth"/>), request builders and the
/// arithmetic of the statistics attacks.
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
        {
            foreach (var (what, secret) in Secrets(h))
            {
                var found = what.StartsWith("headName", StringComparison.Ordinal) || what.StartsWith("name", StringComparison.Ordinal)
                    ? values.Contains(secret) && visibleNames?.Contains(secret) != true
                    : text.Contains(secret, StringComparison.Ordinal);
                Assert.False(found, $"LEAK ({context}): the response contains the {what} ('{secret}'): {Shorten(text)}");
            }
        }
    }

    private static readonly Regex MaskedName = new(@"^\p{L}{1,2}\*$");
    private static readonly Regex MaskedId = new(@"^\d{6}\*{8}[0-9X]{4}$");
    private static readonly Regex YearOnly = new(@"^\d{4}$");

    /// <summary>
    /// Walks the response: every protected field (by its schema name, whatever alias it came under when
    /// <paramref name="aliases"/> maps alias → field) is at most what PUBLIC may see.
    /// </summary>
    /// <returns>How many values of each protected field were checked (by schema name), so a caller can tell rows came back.</returns>
    public static Dictionary<string, int> AssertPublicView(JsonNode? body, string context, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var checkedFields = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, value) in Properties(body))
        {
            var field = aliases != null && aliases.TryGetValue(name, out var f) ? f : name;
            var text = value?.ToString();
            switch (field)
            {
                case "headIdNumber" or "idNumber" or "phone" or "primaryCause" or "annualIncomePerCapita":
                    Assert.True(value == null, $"LEAK ({context}): {name} = {text} should be hidden");
                    break;
                case "headName" or "personName": // a person's name unaliased is "name", as a place's: AssertNoIdentifiers covers it
                    Assert.True(value == null || MaskedName.IsMatch(text!), $"LEAK ({context}): {name} = {text} should be masked (surname + *)");
                    break;
                case "birthDate":
                    Assert.True(value == null || YearOnly.IsMatch(text!), $"LEAK ({context}): {name} = {text} should be the year only");
                    break;
                default:
                    continue;
            }
            checkedFields[field] = checkedFields.GetValueOrDefault(field) + 1;
        }
        return checkedFields;
    }

    /// <summary>
    /// A PUBLIC-level answer that came back whole: status 200, no errors, and at least one value of each of
    /// <paramref name="fields"/> checked by <see cref="AssertPublicView"/> (a validation error, or an empty page,
    /// would otherwise pass with nothing checked).
    /// </summary>
    public static void AssertPublicAnswer(int status, JsonNode body, string context, IEnumerable<string> fields, IReadOnlyDictionary<string, string>? aliases = null)
    {
        Assert.True(status == 200 && body["errors"] == null, $"{context}: expected an answer, got {status} {Shorten(Text(body))}");
        var checkedFields = AssertPublicView(body, context, aliases);
        foreach (var field in fields)
            Assert.True(checkedFields.GetValueOrDefault(field) > 0, $"{context}: no {field} came back to check: {Shorten(Text(body))}");
    }

    /// <summary>Every protected value an NGO sees in its partner villages is at most its level there (ID numbers masked).</summary>
    public static void AssertNgoPartnerView(JsonNode? body, string context)
    {
        foreach (var (name, value) in Properties(body))
        {
            if (name is "headIdNumber" or "idNumber" && value != null)
                Assert.True(MaskedId.IsMatch(value.ToString()), $"LEAK ({context}): {name} = {value} should be masked (first 6 and last 4)");
        }
    }

    /// <summary>Every household object in the response that names its village: outside <paramref name="partnerVillageIds"/> it shows the PUBLIC view only.</summary>
    public static int AssertRowsOutsidePartnerVillagesMasked(JsonNode? body, IReadOnlyList<string> partnerVillageIds, string context)
    {
        var checkedRows = 0;
        foreach (var o in Objects(body))
        {
            if (o["village"] is JsonObject v && v["id"] is { } id && o.ContainsKey("headName"))
            {
                if (partnerVillageIds.Contains(id.ToString())) continue;
                AssertPublicView(o, $"{context}, village {id}");
                checkedRows++;
            }
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
        {
            foreach (var item in a)
                foreach (var inner in Objects(item)) yield return inner;
        }
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

    /// <summary>
    /// Whether a request on protected aggregates was refused for cutting them around row IDs, the one refusal these
    /// attacks expect (FORBIDDEN_FIELD, no data); otherwise it must have been answered (200, no errors).
    /// </summary>
    public static bool RefusedForRowIds(int status, JsonNode body, string context)
    {
        if (body["errors"] == null)
        {
            Assert.True(status == 200 && body["data"] != null, $"{context}: {status} {Shorten(Text(body))}");
            return false;
        }
        AssertRefused(status, body, context);
        Assert.Equal("FORBIDDEN_FIELD", body["errors"]![0]!["extensions"]?["code"]?.ToString());
        Assert.Contains("cannot be restricted by row IDs", body["errors"]![0]!["message"]!.ToString());
        return true;
    }

    // ------------------------------------------------------------------------------------------ HTTP

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
            {
                if (S + s * (long)Math.Round((double)S / n) == published && Math.Abs(Math.Round((double)S / n * (n + s) / publishedCount, 4) - avg) < 0.00011)
                    return S;
            }

            return null;
        }
    }

    public static string IdOf(string type, object key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
