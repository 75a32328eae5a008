namespace PovertyGraph.Server.Telemetry;

/// <summary>
/// Puts the request ID, ASP.NET Core's <see cref="HttpContext.TraceIdentifier"/>, on every response as
/// <c>X-Request-Id</c>. It is the <c>RequestId</c> of the logging scope ASP.NET Core opens for every request,
/// so each log line of a request carries it; GraphQL errors carry it as <c>extensions.requestId</c>
/// (<see cref="RequestIdErrorInfoProvider"/>) and traces as the <c>povertygraph.request_id</c> attribute.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";
    public const string ErrorExtension = "requestId";
    public const string SpanAttribute = "povertygraph.request_id";

    private static readonly Func<object, Task> AddHeader = state =>
    {
        var context = (HttpContext)state;
        context.Response.Headers[HeaderName] = context.TraceIdentifier;
        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        // Added when the response starts, so that handlers which clear the response (a 401) keep it.
        context.Response.OnStarting(AddHeader, context);
        return next(context);
    }
}
