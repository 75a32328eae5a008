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
        var parts = new[] { Build, data, "PUBLIC", mediaType, mode.ToString(), request.Query, request.OperationName ?? "", context.Request.Query["variables"].ToString() };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts)));
        return $"\"{Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
    }

    /// <summary>Whether the request's If-None-Match names <paramref name="tag"/> (or is *): then 304, with nothing run.</summary>
    public bool TryAnswerNotModified(HttpContext context, string? tag)
    {
        if (tag == null || !EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags) || tags.Count == 0) return false;
        var match = tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(tag, StringComparison.Ordinal)); // weak comparison, as RFC 9110 asks
        if (!match)
        {
            metrics.CacheMiss(ServerMetrics.CacheHttp);
            return false;
        }
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        Public(context.Response, tag);
        metrics.CacheHit(ServerMetrics.CacheHttp);
        return true;
    }

    /// <summary>The caching headers of an answer about to be written.</summary>
    public void Apply(HttpResponse response, string? tag, ExecutionResult result, RequestCost? cost, int status)
    {
        var cacheable = tag != null && status == StatusCodes.Status200OK && result.Executed && result.Errors is not { Count: > 0 }
                        && cost?.Operation is { PersonalData: false };
        if (cacheable) Public(response, tag!);
        else NoStore(response);
    }

    /// <summary>Answers that must not be kept anywhere (refusals, personal data, token holders).</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Vary = Vary;
    }

    private void Public(HttpResponse response, string tag)
    {
        response.Headers.CacheControl = $"public, max-age={options.MaxAgeSeconds}";
        response.Headers.ETag = tag;
        response.Headers.Vary = Vary;
    }
}
