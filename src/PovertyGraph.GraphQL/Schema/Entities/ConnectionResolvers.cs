using System.Collections;
using GraphQL;
using GraphQL.Types;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;
using static PovertyGraph.GraphQL.Schema.Entities.GraphFields;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>Resolvers of collection fields: each plans its field once per request and returns the plan with its parent row.</summary>
public static class ConnectionResolvers
{
    public static ConnectionValue Root(IResolveFieldContext c, EntityDescriptor type)
    {
        var runtime = Runtime(c);
        var plan = runtime.Plan(c.FieldAst, () => runtime.Planner.Connection(type, null, c.FieldAst, c.Document, Arguments(c), runtime.Viewer, runtime.ArgumentsOf));
        return new ConnectionValue(runtime, plan, null);
    }

    public static ConnectionValue Nested(IResolveFieldContext c, EntityDescriptor type, ToManyRelation relation)
    {
        var runtime = Runtime(c);
        var plan = runtime.Plan(c.FieldAst, () => runtime.Planner.Connection(type, relation, c.FieldAst, c.Document, Arguments(c), runtime.Viewer, runtime.ArgumentsOf));
        return new ConnectionValue(runtime, plan, (EntityRow)c.Source!);
    }

    /// <summary>A root list field (not a connection): its rows, as its own selection asks for them.</summary>
    public static object List(IResolveFieldContext c, EntityDescriptor type)
    {
        var runtime = Runtime(c);
        var plan = runtime.Plan(c.FieldAst, () => runtime.Planner.List(type, c.FieldAst, c.Document, runtime.Viewer));
        return new ConnectionValue(runtime, plan, null).Page().Then(p => p.Rows);
    }

    public static QueryArguments ArgumentsFor(EntityDescriptor target) => new(
        new QueryArgument(TypeRefs.Named(target.Name + "FilterInput")) { Name = "where", Description = "Only rows matching this filter (translated to SQL)." },
        new QueryArgument(new ListGraphType(new NonNullGraphType(TypeRefs.Named(target.Name + "SortInput"))))
            { Name = "order", Description = "Sort keys, most significant first; the row ID is always the final tiebreak." },
        new QueryArgument<IntGraphType> { Name = "first", Description = "Page size, forward from `after` (default and maximum: see the README)." },
        new QueryArgument<StringGraphType> { Name = "after", Description = "Cursor of the row this page starts after." },
        new QueryArgument<IntGraphType> { Name = "last", Description = "Page size, backward from `before`." },
        new QueryArgument<StringGraphType> { Name = "before", Description = "Cursor of the row this page ends before." });

    private static ConnectionArguments Arguments(IResolveFieldContext c) => c.FieldAst.Arguments is not { Items.Count: > 0 }
        ? ConnectionArguments.None
        : new(
            c.GetArgument<object?>("where") as IDictionary<string, object?>,
            (c.GetArgument<object?>("order") as IEnumerable)?.Cast<object?>().ToList(),
            c.GetArgument<int?>("first"), c.GetArgument<int?>("last"), c.GetArgument<string?>("after"), c.GetArgument<string?>("before"));
}
