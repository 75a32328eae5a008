using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// Finds what looks like a personal identifier anywhere in a response's text, whatever field or alias carries it:
/// an 18-character resident identity number (GB 11643: 17 digits and a check digit or X) or an 11-digit phone number.
/// <para>
/// A number counts when it stands on its own: not glued to other digits or to ASCII letters, and not the fraction of a
/// decimal. The opaque strings a response legitimately holds are made of letters and digits together (global IDs and
/// cursors are base64url, request IDs base32, checksums hex), so a run of digits inside one of them is not a number of
/// its own; an identifier a field, an alias, an error message or a Chinese sentence carries still stands alone and is found.
/// </para>
/// </summary>
public static partial class IdentifierPatterns
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<!\d\.)(?:\d{17}[0-9Xx]|\d{11})(?![0-9A-Za-z])")]
    private static partial Regex Identifier();

    /// <summary>Every ID-number or phone pattern in <paramref name="text"/>, in order of appearance.</summary>
    public static IReadOnlyList<string> Find(string text) => Identifier().Matches(text).Select(m => m.Value).ToList();

    /// <summary>
    /// <see cref="Find"/> over a response body: the text as it came, and, when it is JSON, its string values unescaped
    /// (an error message may carry <c>\u0027220281…\u0027</c>, whose escape would otherwise touch the digits).
    /// </summary>
    public static IReadOnlyList<string> FindInResponse(string body)
    {
        var found = new List<string>(Find(body));
        JsonNode? json = null;
        try { json = JsonNode.Parse(body); }
        catch (JsonException) { /* not JSON: the raw text is all there is */ }
        if (json != null) found.AddRange(Find(AttackSupport.Text(json)));
        return found.Distinct(StringComparer.Ordinal).ToList();
    }
}
