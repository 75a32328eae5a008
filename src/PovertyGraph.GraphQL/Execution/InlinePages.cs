using System.Linq.Expressions;
using System.Reflection;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Nested pages fetched inside their parent rows' statement, the way PostGraphile and Hasura do: each nested page is
/// one column of the parent row, a correlated subquery that filters, orders and limits the children and aggregates
/// them into JSON text (an array of rows, each an array of the child's columns). The database escapes every value
/// (<see cref="SqlJson"/>); masking and the partner scope are the child projection's own, computed in SQL.
/// </summary>
public static class InlinePages
{
    /// <summary>The extra column of each of the plan's nested pages, and how to read it back.</summary>
    public static IReadOnlyList<(LambdaExpression Column, InlinePageReader Reader)> Columns(ConnectionPlan plan, QueryRuntime runtime, int firstSlot) =>
        (plan.Rows?.Pages ?? []).Select((page, i) => Column(plan, page, runtime, firstSlot + i)).ToList();

    private static (LambdaExpression, InlinePageReader) Column(ConnectionPlan parent, InlinePage page, QueryRuntime runtime, int slot)
    {
        var child = page.Plan;
        var projection = new ProjectionPlan(runtime.Model, child.Type, child.Viewer, child.Rows!, child.Order.Select(k => k.Expression).ToList(), child.Partners);
        var columns = ((NewArrayExpression)projection.Selector.Body).Expressions.Select(Unbox).ToList();
        var c = projection.Selector.Parameters[0];
        var row = Expression.Lambda(Concat([Expression.Constant("["), .. Interleave(columns.Select(Json), ","), Expression.Constant("]")]), c);

        var x = Expression.Parameter(parent.Type.ClrType, "x");
        var type = child.Type.ClrType;
        var items = ChildWindow.Apply(ParameterReplacer.Apply(page.Relation.Navigation, x), child);
        Expression Call(string name, Type[] types, params Expression[] arguments) => Expression.Call(typeof(Enumerable), name, types, arguments);
        // GROUP BY a constant, so the rows are aggregated inside the subquery: group_concat / string_agg of the JSON rows.
        var one = Expression.Lambda(Expression.Constant(1), Expression.Parameter(type, "k"));
        var groups = Call(nameof(Enumerable.GroupBy), [type, typeof(int)], items, one);
        var g = Expression.Parameter(typeof(IGrouping<,>).MakeGenericType(typeof(int), type), "g");
        var joined = Expression.Call(Join, Expression.Constant(","), Call(nameof(Enumerable.Select), [type, typeof(string)], g, row));
        var arrays = Call(nameof(Enumerable.Select), [g.Type, typeof(string)], groups, Expression.Lambda(joined, g));
        var text = Concat([Expression.Constant("["), Call(nameof(Enumerable.FirstOrDefault), [typeof(string)], arrays), Expression.Constant("]")]);
        var types = columns.Select(e => e.Type).ToArray();
        return (Expression.Lambda(text, x), new InlinePageReader(projection, types, slot));
    }

    private static readonly MethodInfo Join = typeof(string).GetMethod(nameof(string.Join), [typeof(string), typeof(IEnumerable<string>)])!;
    private static readonly MethodInfo StringConcat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    private static Expression Unbox(Expression column) =>
        column is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } && column.Type == typeof(object) ? operand : column;

    /// <summary>A column as JSON text: hidden columns are the literal null; enums travel as their numbers.</summary>
    private static Expression Json(Expression value)
    {
        if (value is ConstantExpression { Value: null }) return Expression.Constant("null");
        var type = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (type.IsEnum) (value, type) = (Expression.Convert(value, Nullable.GetUnderlyingType(value.Type) != null ? typeof(int?) : typeof(int)), typeof(int));
        var argument = type == typeof(string) ? typeof(string) : typeof(Nullable<>).MakeGenericType(type);
        if (!SqlJson.Types.Contains(argument)) throw new InvalidOperationException($"{type.Name} values cannot be sent as JSON");
        var method = typeof(SqlJson).GetMethod(nameof(SqlJson.Value), [argument])!;
        // A null value is JSON null on every store (PostgreSQL's to_json(NULL) is NULL, not 'null').
        return Expression.Coalesce(Expression.Call(method, value.Type == argument ? value : Expression.Convert(value, argument)), Expression.Constant("null"));
    }

    private static IEnumerable<Expression> Interleave(IEnumerable<Expression> parts, string separator)
    {
        var first = true;
        foreach (var part in parts)
        {
            if (!first) yield return Expression.Constant(separator);
            yield return part;
            first = false;
        }
    }

    private static Expression Concat(IEnumerable<Expression> parts) => parts.Aggregate((a, b) => Expression.Add(a, b, StringConcat));

    /// <summary>Reads each row's nested pages from its extra columns (the readers belong to the shape, the pages to this plan).</summary>
    public static void Attach(ConnectionPlan plan, IReadOnlyList<InlinePageReader> readers, Page page, QueryRuntime runtime)
    {
        if (readers.Count == 0) return;
        var pages = plan.Rows!.Pages;
        foreach (var row in page.Rows)
        {
            for (var i = 0; i < readers.Count; i++)
                row.AddInlinePage(pages[i].Plan, readers[i].Read(runtime, pages[i].Plan, row));
        }
    }
}
