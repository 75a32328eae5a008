using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PovertyGraph.Server.Http;

/// <summary>
/// Media types of the GraphQL-over-HTTP spec and the negotiation between them
/// (https://graphql.github.io/graphql-over-http/draft/#sec-Media-Types).
/// </summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    public const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";
    public const string JsonUtf8 = Json + "; charset=utf-8";

    /// <summary>The response media type chosen from an Accept header.</summary>
    public enum ResponseType
    {
        /// <summary>Nothing the client accepts can be produced: 406.</summary>
        NotAcceptable,
        /// <summary><c>application/json</c>: 200 for every well-formed request, GraphQL errors in the body.</summary>
        Json,
        /// <summary><c>application/graphql-response+json</c>: 4xx when the request failed before execution.</summary>
        GraphQLResponseJson,
    }

    /// <summary>
    /// Chooses the response media type. A missing or empty Accept header, <c>*/*</c> and <c>application/*</c>
    /// mean <c>application/json</c> (the spec's rule for legacy clients, which graphql-http audits);
    /// <c>application/graphql-response+json</c> wins whenever the client names it at least as strongly as
    /// <c>application/json</c>. Quality values are honoured, including <c>q=0</c> exclusions;
    /// a range whose charset is not UTF-8 does not match.
    /// </summary>
    public static ResponseType Negotiate(StringValues accept)
    {
        if (IsAbsent(accept))
            return ResponseType.Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
            return ResponseType.NotAcceptable;

        var gql = Preference(ranges, "application", "graphql-response+json");
        var json = Preference(ranges, "application", "json");
        if (gql.Quality <= 0 && json.Quality <= 0)
            return ResponseType.NotAcceptable;
        if (gql.Quality != json.Quality)
            return gql.Quality > json.Quality ? ResponseType.GraphQLResponseJson : ResponseType.Json;
        // Equal preference: a type named explicitly beats one reached through a wildcard; when both are
        // named, the spec's own media type wins; when both come from a wildcard, application/json.
        if (gql.Specificity != json.Specificity)
            return gql.Specificity > json.Specificity ? ResponseType.GraphQLResponseJson : ResponseType.Json;
        return gql.Specificity == 2 ? ResponseType.GraphQLResponseJson : ResponseType.Json;
    }

    /// <summary>
    /// Whether a GET is a browser asking for a page: the client accepts <c>text/html</c> at least as strongly
    /// as either JSON media type.
    /// </summary>
    public static bool PrefersHtml(StringValues accept)
    {
        if (IsAbsent(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return false;
        var html = Preference(ranges, "text", "html");
        if (html.Quality <= 0 || html.Specificity < 2)
            return false;
        var gql = Preference(ranges, "application", "graphql-response+json");
        var json = Preference(ranges, "application", "json");
        return html.Quality >= Math.Max(gql.Quality, json.Quality);
    }

    /// <summary>Whether a request's Content-Type is one this endpoint reads (JSON, in UTF-8).</summary>
    public static bool IsSupportedRequestContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
            return false;
        var type = media.MediaType.Value;
        if (!string.Equals(type, Json, StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(type, GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return IsUtf8OrUnspecified(media);
    }

    private static bool IsAbsent(StringValues accept)
    {
        foreach (var value in accept)
        {
            if (!string.IsNullOrWhiteSpace(value))
                return false;
        }

        return true;
    }

    private static bool IsUtf8OrUnspecified(MediaTypeHeaderValue media)
    {
        if (!media.Charset.HasValue || media.Charset.Length == 0)
            return true;
        var charset = media.Charset.Value!.Trim('"');
        return string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase) ||
               string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The quality the client gives a concrete media type: that of the most specific matching range
    /// (2 = exact, 1 = <c>type/*</c>, 0 = <c>*/*</c>); quality 0 and specificity -1 when nothing matches.
    /// </summary>
    private static (double Quality, int Specificity) Preference(IList<MediaTypeHeaderValue> ranges, string type, string subtype)
    {
        var bestSpecificity = -1;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var rangeType = range.Type.Value ?? "";
            var rangeSubtype = range.SubType.Value ?? "";
            int specificity;
            if (rangeType == "*" && rangeSubtype == "*")
                specificity = 0;
            else if (!string.Equals(rangeType, type, StringComparison.OrdinalIgnoreCase))
                continue;
            else if (rangeSubtype == "*")
                specificity = 1;
            else if (string.Equals(rangeSubtype, subtype, StringComparison.OrdinalIgnoreCase))
                specificity = 2;
            else
                continue;
            if (!IsUtf8OrUnspecified(range))
                continue;
            var quality = range.Quality ?? 1.0;
            if (specificity > bestSpecificity)
                (bestSpecificity, bestQuality) = (specificity, quality);
            else if (specificity == bestSpecificity && quality > bestQuality)
                bestQuality = quality;
        }
        return (bestSpecificity < 0 ? 0 : bestQuality, bestSpecificity);
    }
}
