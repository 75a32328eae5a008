using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// Keyset cursors: the row's sort-key values and its ID, as JSON, signed with HMAC-SHA256 over the values
/// and the order they belong to. Opaque and stable (the same row under the same order always has the same
/// cursor); a cursor that was altered, or is used with another order, is refused.
/// </summary>
public sealed class CursorCodec(byte[] key)
{
    private const int SignatureBytes = 12;

    public string Encode(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(values.Select(ToJson).ToArray());
        return Base64Url.EncodeToString(json) + "." + Base64Url.EncodeToString(Sign(keys, json));
    }

    public object?[] Decode(IReadOnlyList<SortKey> keys, string cursor, string argument)
    {
        var invalid = QueryError.Argument($"'{argument}' is not a valid cursor for this query (cursors belong to the order they were issued with)");
        var dot = cursor.IndexOf('.');
        if (dot <= 0 || cursor.Length > 4096) throw invalid;
        byte[] json, signature;
        try
        {
            json = Base64Url.DecodeFromChars(cursor.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(cursor.AsSpan(dot + 1));
        }
        catch (FormatException) { throw invalid; }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(keys, json))) throw invalid;
        // Signed but not what this order holds (made with a leaked key, or by an older server): refused the same way.
        try
        {
            var elements = JsonSerializer.Deserialize<JsonElement[]>(json);
            if (elements == null || elements.Length != keys.Count) throw invalid;
            return elements.Select((e, i) => FromJson(e, keys[i].Expression.ReturnType)).ToArray();
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException) { throw invalid; }
    }

    private byte[] Sign(IReadOnlyList<SortKey> keys, byte[] json)
    {
        var order = string.Join("|", keys.Select(k => k.Path + (k.Descending ? " desc" : "")));
        var data = Encoding.UTF8.GetBytes(order + "\n").Concat(json).ToArray();
        return HMACSHA256.HashData(key, data)[..SignatureBytes];
    }

    private static object? ToJson(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    private static object? FromJson(JsonElement e, Type type)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return e.GetString();
        if (t == typeof(int)) return e.GetInt32();
        if (t == typeof(long)) return e.GetInt64();
        if (t == typeof(decimal)) return e.GetDecimal();
        if (t == typeof(DateOnly)) return DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        throw new NotSupportedException($"cursor key of type {t.Name}");
    }
}
