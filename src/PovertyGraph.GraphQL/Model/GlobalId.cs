using System.Buffers.Text;
using System.Text;

namespace PovertyGraph.GraphQL.Model;

/// <summary>Opaque global IDs: base64url of "Type:key". Stable for a row, meaningless to parse by hand.</summary>
public static class GlobalId
{
    public static string Encode(string type, object key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{type}:{key}"));

    public static bool TryDecode(string id, out string type, out string key)
    {
        type = key = "";
        if (id.Length is 0 or > 200) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(id); }
        catch (FormatException) { return false; }
        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        (type, key) = (text[..colon], text[(colon + 1)..]);
        return true;
    }

    /// <summary>The integer key of an ID that must be of <paramref name="expectedType"/>.</summary>
    public static int DecodeFor(string id, string expectedType)
    {
        if (!TryDecode(id, out var type, out var key) || type != expectedType || !int.TryParse(key, out var value))
            throw QueryError.Argument($"'{id}' is not a {expectedType} ID");
        return value;
    }
}
