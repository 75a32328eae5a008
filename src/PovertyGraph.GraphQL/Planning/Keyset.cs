using System.Linq.Expressions;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// ORDER BY and "rows after this cursor" for a list of sort keys. Nullable keys sort nulls last in ascending
/// order on every provider (SQLite and PostgreSQL disagree by default), so the order and the keyset
/// predicate always agree.
/// </summary>
public static class Keyset
{
    /// <summary>The ORDER BY terms: a nullable key is preceded by "is null" so nulls sort last ascending.</summary>
    public static IEnumerable<(LambdaExpression Key, bool Descending)> Steps(IReadOnlyList<SortKey> keys, bool reverse)
    {
        foreach (var key in keys)
        {
            var descending = key.Descending ^ reverse;
            if (key.Nullable)
            {
                var x = key.Expression.Parameters[0];
                yield return (Expression.Lambda(Expression.Equal(key.Expression.Body, Expression.Constant(null, key.Expression.ReturnType)), x), descending);
            }
            yield return (key.Expression, descending);
        }
    }

    public static IQueryable<T> OrderBy<T>(IQueryable<T> query, IReadOnlyList<SortKey> keys, bool reverse)
    {
        var first = true;
        foreach (var (key, descending) in Steps(keys, reverse))
        {
            query = Apply(query, key, descending, first);
            first = false;
        }
        return query;
    }

    private static IQueryable<T> Apply<T>(IQueryable<T> query, LambdaExpression key, bool descending, bool first)
    {
        var method = (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key));
        return (IQueryable<T>)query.Provider.CreateQuery<T>(call);
    }

    /// <summary>Predicate over the key parameter: the row comes strictly after <paramref name="values"/> in the (possibly reversed) order.</summary>
    public static LambdaExpression After(IReadOnlyList<SortKey> keys, object?[] values, bool reverse, ParameterExpression x, PlanValues parameters)
    {
        Expression? any = null;
        Expression prefix = Expression.Constant(true);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var member = ParameterReplacer.Apply(key.Expression, x);
            var descending = key.Descending ^ reverse;
            var term = And(prefix, StrictlyAfter(member, values[i], descending, key.Nullable, parameters));
            any = any == null ? term : Expression.OrElse(any, term);
            prefix = And(prefix, EqualTo(member, values[i], parameters));
        }
        return Expression.Lambda(any ?? Expression.Constant(false), x);
    }

    private static Expression And(Expression a, Expression b) =>
        a is ConstantExpression { Value: true } ? b : b is ConstantExpression { Value: true } ? a : Expression.AndAlso(a, b);

    private static Expression EqualTo(Expression member, object? value, PlanValues parameters) =>
        value == null ? Expression.Equal(member, Expression.Constant(null, member.Type)) : Expression.Equal(member, parameters.Add(value, member.Type));

    private static Expression StrictlyAfter(Expression member, object? value, bool descending, bool nullable, PlanValues parameters)
    {
        Expression Parameter(object v, Type type) => parameters.Add(v, type);
        if (!nullable) return Comparison.Make(member, Parameter(value!, member.Type), descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
        var isNull = Expression.Equal(member, Expression.Constant(null, member.Type));
        if (!descending) // nulls last
            return value == null ? Expression.Constant(false) : Expression.OrElse(isNull, Comparison.Make(member, Parameter(value, member.Type), ExpressionType.GreaterThan));
        // descending: nulls first
        return value == null ? Expression.Not(isNull) : Comparison.Make(member, Parameter(value, member.Type), ExpressionType.LessThan);
    }
}
