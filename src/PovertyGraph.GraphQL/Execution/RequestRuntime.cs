using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Puts the request's <see cref="QueryRuntime"/> into the user context before execution, so resolvers (which ask
/// for it on many fields) and validation read it without going through the DI scope.
/// </summary>
public sealed class RequestRuntime : IConfigureExecution
{
    public const string Key = "PovertyGraph.QueryRuntime";

    public float SortOrder => 100;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.RequestServices?.GetService<QueryRuntime>() is { } runtime)
        {
            options.UserContext ??= new Dictionary<string, object?>();
            options.UserContext[Key] = runtime;
        }
        return next(options);
    }

    /// <summary>The runtime of the request <paramref name="context"/> belongs to.</summary>
    public static QueryRuntime Of(IResolveFieldContext context) => Of(context.UserContext);

    /// <summary>The runtime of the request whose user context this is.</summary>
    public static QueryRuntime Of(IDictionary<string, object?> userContext) =>
        userContext.TryGetValue(Key, out var value) && value is QueryRuntime runtime
            ? runtime
            : throw new InvalidOperationException("no query runtime: the schema must run through an executer configured by AddPovertyGraphGraphQL");
}
