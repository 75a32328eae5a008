using GraphQL;
using GraphQL.Types;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;
using static PovertyGraph.GraphQL.Schema.Entities.GraphFields;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>
/// Resolvers of collection fields: each returns its field's plan (built when the request was validated and costed, see
/// <see cref="QueryRuntime.PlanConnection"/>) with its parent row.
/// </summary>
public static class ConnectionResolvers
{
    public static ConnectionValue Root(IResolveFieldContext c, EntityDescriptor type)
    {
        var runtime = Runtime(c);
        return new ConnectionValue(runtime, runtime.PlanConnection(type, null, c.FieldAst, c.Document), null);
    }

    public static ConnectionValue Nested(IResolveFieldContext c, EntityDescriptor type, ToManyRelation relation)
    {
        var runtime = Runtime(c);
        return new ConnectionValue(runtime, runtime.PlanConnection(type, relation, c.FieldAst, c.Document), (EntityRow)c.Source!);
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
}
