using System.Globalization;
using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Differential;

/// <summary>
/// Compares an expected JSON value with the server's, driven by the expected one: only the keys it has are
/// compared (so cursors and other extras in the response are ignored). Numbers compare exactly, except under
/// an <c>avg</c> key (within 1e-4). Lists of <c>{ id }</c> objects are reported as id sequences.
/// </summary>
internal static class JsonDiff
{
    public static List<string> Compare(JsonNode? expected, JsonNode? actual)
    {
        var diffs = new List<string>();
        Walk(expected, actual, "", false, diffs);
        return diffs;
    }

    private static void Walk(JsonNode? expected, JsonNode? actual, string path, bool approximate, List<string> diffs)
    {
        if (diffs.Count >= 6) return;
        switch (expected)
        {
            case null:
                if (actual != null) diffs.Add($"{path}: expected null, got {Short(actual)}");
                return;
            case JsonObject obj:
                if (actual is not JsonObject other) { diffs.Add($"{path}: expected an object, got {Short(actual)}"); return; }
                foreach (var (key, value) in obj)
                {
                    if (!other.ContainsKey(key)) { diffs.Add($"{path}.{key}: missing"); continue; }
                    Walk(value, other[key], $"{path}.{key}", approximate || key == "avg", diffs);
                }
                return;
            case JsonArray array:
                if (actual is not JsonArray list) { diffs.Add($"{path}: expected a list, got {Short(actual)}"); return; }
                if (IsIdList(array))
                {
                    var e = array.Select(n => n!["id"]!.GetValue<string>()).ToList();
                    var a = list.Select(n => n?["id"]?.GetValue<string>() ?? "?").ToList();
                    if (!e.SequenceEqual(a)) diffs.Add($"{path} (row ids): {IdDiff(e, a)}");
                    return;
                }
                if (array.Count != list.Count)
                    diffs.Add($"{path}: expected {array.Count} items, got {list.Count}");
                for (var i = 0; i < Math.Min(array.Count, list.Count); i++)
                    Walk(array[i], list[i], $"{path}[{i}]", approximate, diffs);
                return;
            default:
                if (actual == null) { diffs.Add($"{path}: expected {Short(expected)}, got null"); return; }
                if (!SameValue((JsonValue)expected, actual, approximate))
                    diffs.Add($"{path}: expected {Short(expected)}, got {Short(actual)}");
                return;
        }
    }

    private static bool IsIdList(JsonArray array) =>
        array.Count > 0 && array.All(n => n is JsonObject o && o.Count == 1 && o.ContainsKey("id"));

    private static bool SameValue(JsonValue expected, JsonNode actual, bool approximate)
    {
        if (Number(expected) is { } x)
        {
            if (Number(actual) is not { } y) return false;
            return approximate ? Math.Abs(x - y) <= 1e-4m : x == y;
        }
        return expected.ToJsonString() == actual.ToJsonString();
    }

    private static decimal? Number(JsonNode node)
    {
        if (node is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number) return null;
        var text = value.ToJsonString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (decimal)double.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    /// <summary>"first difference at #i: expected [...] got [...]", with ids decoded to row keys.</summary>
    private static string IdDiff(List<string> expected, List<string> actual)
    {
        var i = 0;
        while (i < expected.Count && i < actual.Count && expected[i] == actual[i]) i++;
        static string Keys(IEnumerable<string> ids) => string.Join(",", ids.Select(id =>
        {
            try { return Literal.DecodeId(id).Id.ToString(CultureInfo.InvariantCulture); } catch { return id; }
        }));
        var from = Math.Max(0, i - 2);
        return $"{expected.Count} expected, {actual.Count} returned; first difference at #{i}: " +
               $"expected [{(from > 0 ? "…," : "")}{Keys(expected.Skip(from).Take(12))}{(expected.Count > from + 12 ? ",…" : "")}] " +
               $"got [{(from > 0 ? "…," : "")}{Keys(actual.Skip(from).Take(12))}{(actual.Count > from + 12 ? ",…" : "")}]";
    }
}
