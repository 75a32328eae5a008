using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>Ordered comparisons of a column with a value, for numbers, dates and strings alike (filters and keyset windows).</summary>
public static class Comparison
{
    private static readonly System.Reflection.MethodInfo CompareStrings = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// <paramref name="column"/> <paramref name="comparison"/> <paramref name="value"/> (GreaterThan, LessThanOrEqual …);
    /// strings go through string.Compare, which EF translates to SQL &lt; and &gt;.
    /// </summary>
    public static Expression Make(Expression column, Expression value, ExpressionType comparison)
    {
        if (column.Type == typeof(string))
        {
            column = Expression.Call(CompareStrings, column, value);
            value = Expression.Constant(0);
        }
        return Expression.MakeBinary(comparison, column, value);
    }
}
