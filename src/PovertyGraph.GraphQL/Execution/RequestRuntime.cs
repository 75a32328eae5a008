using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Puts the request's <see cref="QueryRuntime"/> into the user context before execution, so resolvers (which ask
/// for it on many fields) and validation read it without going through the DI scope. After execution, withholds the
/// data of a request that disclosed full identifiers but whose audit entry was not written (<see cref="AuditListener"/>).
/// </summary>
public sealed class RequestRuntime : IConfigureExecution
{
    public const string Key = "PovertyGraph.QueryRuntime";

    public float SortOrder => 100;

    public const string AuditFailedCode = "AUDIT_UNAVAILABLE";

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.RequestServices?.GetService<QueryRuntime>() is not { } runtime) return await next(options);
        options.UserContext ??= new Dictionary<string, object?>();
        options.UserContext[Key] = runtime;
        var result = await next(options);
        if (AuditListener.Audited(runtime, options.UserContext)) return result;
        // Closed by default: full identifiers go out only with their audit entry (the primary may be away while a replica serves).
        result.Data = null;
        (result.Errors ??= []).Add(new ExecutionError("The answer was withheld: it discloses personal data and its audit entry could not be written. Try again later.")
            { Code = AuditFailedCode });
        return result;
    }

    /// <summary>The runtime of the request <paramref name="context"/> belongs to.</summary>
    public static QueryRuntime Of(IResolveFieldContext context) => Of(context.UserContext);

    /// <summary>The runtime of the request whose user context this is.</summary>
    public static QueryRuntime Of(IDictionary<string, object?> userContext) =>
        userContext.TryGetValue(Key, out var value) && value is QueryRuntime runtime
            ? runtime
            : throw new InvalidOperationException("no query runtime: the schema must run through an executer configured by AddPovertyGraphGraphQL");
}
