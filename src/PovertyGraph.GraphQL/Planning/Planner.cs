using System.Collections;
using System.Linq.Expressions;
using System.Text;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// Builds the <see cref="ConnectionPlan"/> of a connection field: checks every argument against the limits and the
/// access rules, turns where/order/cursors into expressions whose values are plan values, reads what the rows,
/// totals and aggregates select, and names the result's shape. Knows no entity by name.
/// </summary>
public sealed class Planner(EntityModel model, PagingOptions paging, CursorCodec cursors)
{
    /// <summary>The argument values of any field of the operation (after variables); null when it has none.</summary>
    public delegate IReadOnlyDictionary<string, object?>? ArgumentsOf(GraphQLField field);

    public EntityModel Model => model;
    public PagingOptions Paging => paging;

    /// <summary>A root or nested connection field.</summary>
    public ConnectionPlan Connection(EntityDescriptor type, ToManyRelation? relation, GraphQLField field, GraphQLDocument document,
        ConnectionArguments args, Viewer viewer, ArgumentsOf arguments) =>
        Build(type, relation, field, document, args, viewer, arguments, new PlanValues(), rowsAreTheSelection: false, inlineAllowed: relation == null, streamed: false);

    /// <summary>
    /// A root connection field run as a download (<see cref="ConnectionPlan.Streamed"/>): every row its <c>where</c>
    /// matches, in its <c>order</c>, with the columns its rows select; no page, no totals, no aggregates, no nested pages.
    /// </summary>
    public ConnectionPlan Download(EntityDescriptor type, GraphQLField field, GraphQLDocument document, ConnectionArguments args, Viewer viewer) =>
        Build(type, null, field, document, args with { First = null, Last = null, After = null, Before = null }, viewer, _ => null, new PlanValues(),
            rowsAreTheSelection: false, inlineAllowed: false, streamed: true);

    /// <summary>A root list field (not a connection): the field's own selection is the rows'.</summary>
    public ConnectionPlan List(EntityDescriptor type, GraphQLField field, GraphQLDocument document, Viewer viewer) =>
        Build(type, null, field, document, ConnectionArguments.None, viewer, _ => null, new PlanValues(), rowsAreTheSelection: true, inlineAllowed: false, streamed: false);

    private ConnectionPlan Build(EntityDescriptor type, ToManyRelation? relation, GraphQLField field, GraphQLDocument document, ConnectionArguments args,
        Viewer viewer, ArgumentsOf arguments, PlanValues values, bool rowsAreTheSelection, bool inlineAllowed, bool streamed)
    {
        if (!AccessRules.MayRead(type, viewer))
            throw QueryError.Forbidden($"{type.Name} rows are readable by the ADMIN role only");
        var (size, backward) = streamed ? (0, false) : args.Window(paging);
        var shape = new StringBuilder(type.Name).Append('|').Append(viewer.Role).Append('|').Append(relation?.Name);

        LambdaExpression? filter = null;
        if (args.Where is { Count: > 0 })
        {
            filter = new FilterBuilder(model, viewer, values).Build(type, args.Where);
            shape.Append("|w:").Append(PlanShape.Of(args.Where));
        }
        var order = new SortBuilder(model, viewer).Build(type, args.Order);
        shape.Append("|o:").AppendJoin(',', order.Select(k => k.Path + (k.Descending ? "-" : "+")));
        var x = Expression.Parameter(type.ClrType, "x");
        var after = Cursor(order, args.After, "after", backward: false, x, values, shape);
        var before = Cursor(order, args.Before, "before", backward: true, x, values, shape);
        shape.Append(streamed ? "|stream" : backward ? "|last" : "|first");
        var limit = values.Add(size + 1, typeof(int)); // one more row than the page tells whether another page follows

        // A partner organisation's villages are one value of the plan: one shape serves every organisation.
        var partners = viewer.Role == Role.Ngo ? values.Add(viewer.PartnerVillages.Order().ToList(), typeof(IEnumerable<int>)) : null;

        var parts = rowsAreTheSelection ? [] : Selections.FieldNodes(document, field.SelectionSet).ToList();
        var selectsPage = rowsAreTheSelection || streamed || parts.Any(p => p.Name.StringValue is "nodes" or "edges" or "pageInfo");
        RowSelection? rows = null;
        if (selectsPage)
        {
            IReadOnlyList<GraphQLSelectionSet> sets = rowsAreTheSelection ? [field.SelectionSet!] : RowSelection.RowsOf(field, document).ToList();
            Func<ToManyRelation, GraphQLField, InlinePage?>? inline = inlineAllowed
                ? (child, node) => Inline(type, child, node, document, viewer, arguments, values)
                : null;
            rows = RowSelection.For(model, viewer, type, sets, document, inline);
            // A nested page is limited per parent inside a subquery, where its rows' own joins and subqueries cannot follow.
            if (relation != null) rows = rows.ColumnsOnly;
            shape.Append("|r:").Append(rows.Shape);
        }
        var selectsTotal = !streamed && parts.Any(p => p.Name.StringValue == "totalCount");
        if (selectsTotal) shape.Append("|total");

        var aggregates = new Dictionary<GraphQLField, AggregatePlan>();
        foreach (var part in parts.Where(p => !streamed && p.Name.StringValue is "aggregates" or "groupedAggregates"))
            aggregates[part] = Aggregate(type, part, document, args, viewer, part.Name.StringValue == "groupedAggregates" ? arguments(part) : null);

        return new ConnectionPlan
        {
            Type = type, Viewer = viewer, Relation = relation, ParentType = relation == null ? null : model.All.First(t => t.ToMany.Contains(relation)),
            Filter = filter, Filtered = args.Where != null, Order = order, Size = size, Limit = limit, Backward = backward, After = after, Before = before, Partners = partners,
            Rows = rows, SelectsTotal = selectsTotal, Aggregates = aggregates, Streamed = streamed, Values = values.ToArguments(), Shape = shape.ToString(),
        };
    }

    private LambdaExpression? Cursor(IReadOnlyList<SortKey> order, string? cursor, string name, bool backward, ParameterExpression x, PlanValues values, StringBuilder shape)
    {
        if (cursor == null) return null;
        var keys = cursors.Decode(order, cursor, name);
        // Which key values are null decides the predicate's form; the values themselves are parameters.
        shape.Append('|').Append(name).Append(':').Append(string.Concat(keys.Select(k => k == null ? 'n' : 'v')));
        return Keyset.After(order, keys, reverse: backward, x, values);
    }

    /// <summary>
    /// A nested connection a root row fetches in its own statement: its page, when it asks for rows. Its values join
    /// the parent's, since they run in one statement.
    /// </summary>
    private InlinePage? Inline(EntityDescriptor parent, ToManyRelation relation, GraphQLField field, GraphQLDocument document, Viewer viewer,
        ArgumentsOf arguments, PlanValues values)
    {
        if (!paging.InlineNestedPages || !Selections.FieldNodes(document, field.SelectionSet).Any(p => p.Name.StringValue is "nodes" or "edges" or "pageInfo")) return null;
        var child = model.For(relation.Target);
        var plan = Build(child, relation, field, document, ConnectionArguments.From(arguments(field)), viewer, arguments, values,
            rowsAreTheSelection: false, inlineAllowed: false, streamed: false);
        // A nested page is limited inside a correlated subquery, where SQLite cannot join further (that needs APPLY): a
        // page whose conditions, keys or scope go through a relation is batched instead (its values stay unused here).
        LambdaExpression?[] parts = [plan.Filter, plan.After, plan.Before, PartnerScope.For(child, viewer, plan.Partners), .. plan.Order.Select(k => k.Expression)];
        return parts.Any(p => p != null && Joins.In(p)) ? null : new InlinePage(relation, field, plan);
    }

    private AggregatePlan Aggregate(EntityDescriptor type, GraphQLField field, GraphQLDocument document, ConnectionArguments args, Viewer viewer,
        IReadOnlyDictionary<string, object?>? groupArguments)
    {
        var request = Selections.Aggregates(document, field.SelectionSet, type);
        var dimensions = new List<Dimension>();
        int? first = null;
        var includeNullKeys = true;
        if (field.Name.StringValue == "groupedAggregates")
        {
            var names = (groupArguments?.GetValueOrDefault("groupBy") as IEnumerable)?.Cast<object?>().Select(o => o!.ToString()!).ToList() ?? [];
            if (names.Count == 0) throw QueryError.Argument("groupBy needs at least one dimension");
            if (names.Count != names.Distinct().Count()) throw QueryError.Argument("groupBy names a dimension twice");
            if (names.Count > GroupKey.MaxDimensions) throw QueryError.Argument($"groupBy takes at most {GroupKey.MaxDimensions} dimensions");
            dimensions.AddRange(names.Select(n => type.Dimensions.Single(d => d.Name == n)));
            var requested = groupArguments?.GetValueOrDefault("first") is { } f ? Convert.ToInt32(f, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            if (requested < 0) throw QueryError.Argument("'first' must not be negative");
            first = Math.Min(requested ?? paging.MaxGroups, paging.MaxGroups);
            includeNullKeys = groupArguments?.GetValueOrDefault("includeNullKeys") is true;
        }
        var protect = AccessRules.ProtectsStatistics(type, viewer);
        if (protect)
        {
            StatisticsRules.EnsureCell(model, type, args.Where, viewer);
            // Averages are published as perturbed sum / perturbed count, so the sums are needed too.
            request = new AggregateRequest(request.Values.Concat(request.Values.Where(v => v.Function == AggregateFunction.Avg)
                .Select(v => (AggregateFunction.Sum, v.Field))).ToHashSet());
        }
        var hidden = dimensions.Select(d => protect && d.Field != null && !AccessRules.FullEverywhere(type, d.Field, viewer)).ToList();
        return new AggregatePlan(dimensions, request, includeNullKeys, first, protect, hidden);
    }
}
