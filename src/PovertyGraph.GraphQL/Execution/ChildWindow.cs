using System.Linq.Expressions;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>A nested plan's window over a parent's children: its filter, cursors, order and limit, as LINQ over the collection.</summary>
public static class ChildWindow
{
    /// <summary>children.Where(filter).Where(after).Where(before).OrderBy(keys…).Take(limit)</summary>
    public static Expression Apply(Expression children, ConnectionPlan plan)
    {
        var type = plan.Type.ClrType;
        Expression Call(string name, Type[] types, params Expression[] arguments) => Expression.Call(typeof(Enumerable), name, types, arguments);
        foreach (var condition in new[] { plan.Filter, plan.After, plan.Before })
            if (condition != null) children = Call(nameof(Enumerable.Where), [type], children, condition);
        var first = true;
        foreach (var (key, descending) in Keyset.Steps(plan.Order, plan.Backward))
        {
            children = Call((first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : ""), [type, key.ReturnType], children, key);
            first = false;
        }
        return Call(nameof(Enumerable.Take), [type], children, plan.Limit);
    }
}
