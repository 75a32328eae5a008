using GraphQL;
using GraphQL.Types;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// Field costs from the fields' plans and <see cref="TableStatistics"/> (the README's cost model). A connection field is
/// planned for the caller here, during validation (<see cref="QueryRuntime.PlanConnection"/>), and the plan is the one
/// execution runs; its cost is read from the plan:
/// <list type="bullet">
/// <item>a connection field opens a scope: its page holds the plan's page size in rows, but never more than the table
/// has (root) or than any parent has (nested); it costs one point per occurrence;</item>
/// <item>its <c>nodes</c> or <c>edges</c> cost a point per row of that page, and their selection runs once per row;</item>
/// <item><c>totalCount</c> and <c>aggregates</c> cost the rows they read, a point per <see cref="CostOptions.RowsPerScanPoint"/>;</item>
/// <item><c>groupedAggregates</c> cost the same read plus a point per group, and their selection runs once per group (groups:
/// the plan's <c>first</c>, or the product of its dimensions' distinct values, never more than the rows read);</item>
/// <item>a field that loads one related row costs a point; a list of rows by ID a point per ID; fields listed in
/// <see cref="CostOptions.FieldPoints"/> their configured points; everything else (columns, counts already read) is free.</item>
/// </list>
/// A document costed before validation (<see cref="FieldCostRequest.Runtime"/> null), or a field that cannot be planned
/// (refused when it executes), is costed from its literal arguments with the same figures.
/// </summary>
public sealed class PlanCostEstimator(EntityModel model, TableStatistics statistics, PagingOptions paging, CostOptions options) : IFieldCostEstimator
{
    private const string ConnectionSuffix = "Connection", EdgeSuffix = "Edge";

    /// <summary>What a connection's parts read: its page's rows, and the rows its totals and aggregates scan; its plan, if planned.</summary>
    private sealed record ConnectionScope(EntityDescriptor Type, double PageRows, double ScanRows, ConnectionPlan? Plan);

    public FieldCost Estimate(in FieldCostRequest request)
    {
        if (request.Scope is ConnectionScope connection) return InConnection(request, connection);
        var named = request.Definition.ResolvedType?.GetNamedType();
        if (named is IObjectGraphType { Name: var name } && name.EndsWith(ConnectionSuffix, StringComparison.Ordinal)
            && model.ByName(name[..^ConnectionSuffix.Length]) is { } type)
        {
            return Connection(request, type);
        }

        if (options.FieldPoints.TryGetValue($"{request.ParentType.Name}.{request.Definition.Name}", out var configured))
            return new FieldCost(configured);
        if (named is IObjectGraphType or IInterfaceGraphType && (model.ByName(named.Name) is { } || named is IInterfaceGraphType))
            return Rows(request, named);
        return FieldCost.Free;
    }

    private FieldCost Connection(in FieldCostRequest request, EntityDescriptor type)
    {
        var parent = model.ByName(request.ParentType.Name);
        var field = request.Definition.Name;
        var relation = parent?.ToMany.FirstOrDefault(r => r.Name == field);
        double available = relation != null ? statistics.MaxChildren(parent!, relation) : statistics.Rows(type);
        var plan = Plan(request, type, relation);
        var size = plan?.Size ?? Math.Clamp(request.Argument<int>("first") ?? request.Argument<int>("last") ?? paging.DefaultPageSize, 0, paging.MaxPageSize);
        return new FieldCost(1, 1, new ConnectionScope(type, Math.Min(size, available), available, plan));
    }

    /// <summary>The field's plan for the request's caller (kept for execution), or null when it is not planned here.</summary>
    private static ConnectionPlan? Plan(in FieldCostRequest request, EntityDescriptor type, ToManyRelation? relation)
    {
        if (request.Runtime == null) return null;
        try
        {
            return request.Runtime.PlanConnection(type, relation, request.Node, request.Document);
        }
        catch (Exception)
        {
            return null; // the field fails with this error when it executes, in its place in the answer
        }
    }

    private FieldCost InConnection(in FieldCostRequest request, ConnectionScope connection) => request.Definition.Name switch
    {
        "nodes" or "edges" => new FieldCost(connection.PageRows, connection.PageRows),
        "totalCount" or "aggregates" => new FieldCost(Scan(connection.ScanRows)),
        "groupedAggregates" => Groups(request, connection),
        _ => FieldCost.Free,
    };

    private FieldCost Groups(in FieldCostRequest request, ConnectionScope connection)
    {
        double distinct = 1;
        int limit;
        if (connection.Plan?.Aggregates.GetValueOrDefault(request.Node) is { } grouping)
        {
            foreach (var dimension in grouping.Dimensions) distinct *= Cardinality(dimension);
            limit = grouping.First ?? paging.MaxGroups;
        }
        else
        {
            foreach (var name in request.Items("groupBy"))
                distinct *= connection.Type.Dimensions.FirstOrDefault(d => d.Name == name?.ToString()) is { } dimension ? Cardinality(dimension) : options.YearCardinality;
            limit = Math.Min(request.Argument<int>("first") ?? paging.MaxGroups, paging.MaxGroups);
        }
        var groups = Math.Max(0, Math.Min(Math.Min(limit, distinct), connection.ScanRows));
        return new FieldCost(Scan(connection.ScanRows) + groups, groups);
    }

    /// <summary>Distinct values of a dimension, null included: a place's rows, an enum's values, a flag's two, a year's configured guess.</summary>
    private double Cardinality(Dimension dimension)
    {
        if (dimension.Entity != null) return statistics.Rows(model.For(dimension.Entity)) + 1;
        return dimension.Field switch
        {
            { EnumType: { } values } => Enum.GetValues(values).Length + 1,
            { Kind: ScalarKind.Boolean } => 3,
            _ => options.YearCardinality + 1,
        };
    }

    /// <summary>Rows fetched by key: one per occurrence, one per ID asked for, or a whole (small) table for an unpaged list.</summary>
    private FieldCost Rows(in FieldCostRequest request, IGraphType named)
    {
        if (request.ParentType.Name.EndsWith(EdgeSuffix, StringComparison.Ordinal)) return FieldCost.Free; // the edge's own row
        var list = request.Definition.ResolvedType is NonNullGraphType { ResolvedType: ListGraphType } or ListGraphType;
        if (!list) return new FieldCost(1);
        var rows = request.Count("ids") ?? (model.ByName(named.Name) is { } type ? statistics.Rows(type) : 1);
        return new FieldCost(rows, rows);
    }

    private double Scan(double rows) => Math.Max(1, Math.Ceiling(rows / options.RowsPerScanPoint));
}
