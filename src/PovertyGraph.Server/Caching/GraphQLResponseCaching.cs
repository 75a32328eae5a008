using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.Net.Http.Headers;
using PovertyGraph.GraphQL.Cost;
using PovertyGraph.GraphQL.Telemetry;
using PovertyGraph.Server.Http;

namespace PovertyGraph.Server.Caching;

/// <summary>
/// HTTP caching of GraphQL answers. Only a GET from a caller without a token can be stored by shared caches, and only
/// when it ran without errors and selects no row of a type that describes persons (<see cref="OperationCost.PersonalData"/>):
/// then <c>Cache-Control: public, max-age=N</c> and a strong ETag, a hash of the data version, the server build, the
/// role, the media type, the cost header, the document, the operation name and the variables as sent. A request whose
/// <c>If-None-Match</c> names that tag is answered 304 before anything runs. Every other answer is <c>no-store</c>.
/// </summary>
public sealed class GraphQLResponseCaching(HttpCachingOptions options, DataVersion version, ServerMetrics metrics)
{
    /// <summary>What a GraphQL answer depends on besides its URL.</summary>
    public const string Vary = "Accept, Authorization, GraphQL-Cost";

    private static readonly string Build = string.Join(",", new[] { typeof(GraphQLResponseCaching), typeof(OperationCost) }
        .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")));

    /// <summary>The tag this request's answer would have, when it can be stored by shared caches at all (null otherwise).</summary>
    public async ValueTask<string?> TagAsync(HttpContext context, GraphQLHttpRequest request, string mediaType, CostMode mode)
    {
        if (!options.Enabled || !HttpMethods.IsGet(context.Request.Method) || context.Request.Headers.ContainsKey(HeaderNames.Authorization)
            || mode == CostMode.Validate || request.Query == null)
        {
            return null;
        }

        var data = await version.CurrentAsync(context.RequestAborted);
        return Tag(Build, data, "PUBLIC", mediaType, mode.ToString(), request.Query, request.OperationName ?? "", context.Request.Query["variables"].ToString());
    }

    /// <summary>
    /// The tag of a download (<c>GET /data/…</c>) that shared caches may keep: its path and query string as sent, the data
    /// version and the server build. The caller says whether the file may be public at all (no personal data, no token).
    /// </summary>
    public async ValueTask<string?> DownloadTagAsync(HttpContext context, bool shareable)
    {
        if (!options.Enabled || !shareable || context.Request.Headers.ContainsKey(HeaderNames.Authorization)) return null;
        var data = await version.CurrentAsync(context.RequestAborted);
        return Tag(Build, data, "PUBLIC", "download", context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "");
    }

    private static string Tag(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts)));
        return $"\"{Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
    }

    /// <summary>Whether the request's If-None-Match names <paramref name="tag"/> (or is *): then 304, with nothing run.</summary>
    public bool TryAnswerNotModified(HttpContext context, string? tag, string vary = Vary)
    {
        if (tag == null || !EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags) || tags.Count == 0) return false;
        var match = tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(tag, StringComparison.Ordinal)); // weak comparison, as RFC 9110 asks
        if (!match)
        {
            metrics.CacheMiss(ServerMetrics.CacheHttp);
            return false;
        }
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        Public(context.Response, tag, vary);
        metrics.CacheHit(ServerMetrics.CacheHttp);
        return true;
    }

    /// <summary>The caching headers of an answer about to be written.</summary>
    public void Apply(HttpResponse response, string? tag, ExecutionResult result, RequestCost? cost, int status)
    {
        var cacheable = tag != null && status == StatusCodes.Status200OK && result.Executed && result.Errors is not { Count: > 0 }
                        && cost?.Operation is { PersonalData: false };
        if (cacheable) Public(response, tag!, Vary);
        else NoStore(response);
    }

    /// <summary>Answers that must not be kept anywhere (refusals, personal data, token holders).</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Vary = Vary;
    }

    /// <summary>The headers of an answer shared caches may keep under <paramref name="tag"/>.</summary>
    public void Public(HttpResponse response, string tag, string vary)
    {
        response.Headers.CacheControl = $"public, max-age={options.MaxAgeSeconds}";
        response.Headers.ETag = tag;
        response.Headers.Vary = vary;
    }
}
