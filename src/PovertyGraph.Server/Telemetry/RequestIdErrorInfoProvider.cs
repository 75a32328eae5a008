using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace PovertyGraph.Server.Telemetry;

/// <summary>
/// GraphQL.NET's error formatting, plus <c>extensions.requestId</c> on every error written during an HTTP request:
/// the ID a caller quotes when reporting a problem, the same as the <c>X-Request-Id</c> header and the logs'
/// <c>RequestId</c>. Every GraphQL-shaped error goes through here (the serializer asks it), whichever code wrote it.
/// </summary>
public sealed class RequestIdErrorInfoProvider(IOptions<ErrorInfoProviderOptions> options, IHttpContextAccessor http)
    : ErrorInfoProvider(options.Value)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (http.HttpContext?.TraceIdentifier is { Length: > 0 } requestId)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions[RequestIdMiddleware.ErrorExtension] = requestId;
            info.Extensions = extensions;
        }
        return info;
    }
}
