using GraphQL;
using GraphQL.Resolvers;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// A resolver whose value depends only on the parent value and the request (its user context), never on the
/// field's arguments or AST: row columns, joined rows, page parts. <see cref="DirectExecutionStrategy"/>
/// calls it without building a resolve-field context, once per field of every row; anything else (other
/// strategies, field middleware) goes through <see cref="ResolveAsync"/> as usual.
/// </summary>
public sealed class SourceResolver(Func<object, IDictionary<string, object?>, object?> resolve) : IFieldResolver
{
    private long _throughContext;

    /// <summary>How many times this field was resolved the ordinary way, through a field context.</summary>
    public long ResolvedThroughContext => Interlocked.Read(ref _throughContext);

    public object? Resolve(object source, IDictionary<string, object?> userContext) => resolve(source, userContext);

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        Interlocked.Increment(ref _throughContext);
        return new(resolve(context.Source!, context.UserContext));
    }
}
