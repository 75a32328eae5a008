using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>How the generated types declare fields, and how resolvers reach the request's runtime.</summary>
public static class GraphFields
{
    /// <summary>The request's runtime (attached to the user context before execution by <see cref="RequestRuntime"/>).</summary>
    public static QueryRuntime Runtime(IResolveFieldContext context) => RequestRuntime.Of(context);

    /// <summary>The request's runtime, from the request's user context.</summary>
    public static QueryRuntime Runtime(IDictionary<string, object?> userContext) => RequestRuntime.Of(userContext);

    public static FieldType Field(string name, string description, IGraphType type, Func<IResolveFieldContext, object?> resolve, QueryArguments? args = null) =>
        new() { Name = name, Description = description, ResolvedType = type, Resolver = new FuncFieldResolver<object?>(resolve), Arguments = args };

    /// <summary>A field whose value depends only on its parent value and the request.</summary>
    public static FieldType Field(string name, string description, IGraphType type, Func<object, IDictionary<string, object?>, object?> resolve) =>
        new() { Name = name, Description = description, ResolvedType = type, Resolver = new FuncFieldResolver<object?>(c => resolve(c.Source!, c.UserContext)) };
}
