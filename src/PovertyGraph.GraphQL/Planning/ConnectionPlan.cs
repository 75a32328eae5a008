using System.Linq.Expressions;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// Everything one connection field will run, for one caller: built once from the field's selection, its arguments
/// after variables and the viewer (<see cref="Planner"/>), then only read. Building it is validating the field: a bad
/// or forbidden argument fails here, before any SQL. Input values live in <see cref="Values"/>; everything else that
/// decides the SQL is in <see cref="Shape"/>, so plans of one shape share a compiled query.
/// </summary>
public sealed class ConnectionPlan
{
    public required EntityDescriptor Type { get; init; }
    public required Viewer Viewer { get; init; }
    /// <summary>For a nested connection, the relation its rows are read through (pages per parent); null at the root.</summary>
    public ToManyRelation? Relation { get; init; }
    public EntityDescriptor? ParentType { get; init; }
    /// <summary>x => condition of <c>where</c>, reading its values from <see cref="PlanValues.Parameter"/>; null when there is none.</summary>
    public LambdaExpression? Filter { get; init; }
    /// <summary>Whether a <c>where</c> was given at all (an empty one still makes nested counts filtered ones).</summary>
    public bool Filtered { get; init; }
    /// <summary>The sort keys, ending with the row ID.</summary>
    public required IReadOnlyList<SortKey> Order { get; init; }
    public int Size { get; init; }
    /// <summary>Size + 1, as a plan value (the row past the page tells whether another page follows).</summary>
    public required Expression Limit { get; init; }
    public bool Backward { get; init; }
    /// <summary>x => row after the <c>after</c> cursor (and before the <c>before</c> one), with the cursor values as plan values.</summary>
    public LambdaExpression? After { get; init; }
    public LambdaExpression? Before { get; init; }
    /// <summary>A partner organisation's villages, as a plan value (IEnumerable&lt;int&gt;); null for other callers.</summary>
    public Expression? Partners { get; init; }
    /// <summary>What each row carries; null when no rows are selected (only totals or aggregates).</summary>
    public RowSelection? Rows { get; init; }
    public bool SelectsTotal { get; init; }
    /// <summary>The aggregates and groupings selected on the connection, by their field node.</summary>
    public required IReadOnlyDictionary<GraphQLField, AggregatePlan> Aggregates { get; init; }
    /// <summary>
    /// A download: every row the filter matches, in order, streamed without a page (<see cref="Size"/> and
    /// <see cref="Limit"/> unused), and no totals or aggregates (Execution/StreamedRows).
    /// </summary>
    public bool Streamed { get; init; }
    public required PlanArguments Values { get; init; }
    public required string Shape { get; init; }

    public bool HasCursor => After != null || Before != null;
    public bool IsNested => Relation != null;
    public bool SelectsRows => Rows != null;
}
