using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary>
/// Case-sensitive text tests on every provider: contains becomes instr/strpos; startsWith and endsWith compare
/// a substring, because SQLite's LIKE (what EF would use) ignores the case of ASCII letters. The substring's
/// length is counted in characters (code points), as the databases' length() and substr() count, not in UTF-16
/// units: a character beyond U+FFFF (CJK Extension B, in real names) is one character there and two in C#.
/// </summary>
public static class TextTests
{
    private static readonly System.Reflection.MethodInfo ContainsText = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly System.Reflection.MethodInfo Substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;

    public static Expression Contains(Expression column, string text, PlanValues values) =>
        Expression.Call(column, ContainsText, values.Add(text, typeof(string)));

    public static Expression StartsWith(Expression column, string text, PlanValues values) => Edge(column, text, values, atStart: true);

    public static Expression EndsWith(Expression column, string text, PlanValues values) => Edge(column, text, values, atStart: false);

    private static Expression Edge(Expression column, string text, PlanValues values, bool atStart)
    {
        var value = values.Add(text, typeof(string));
        var length = values.Add(text.EnumerateRunes().Count(), typeof(int));
        var columnLength = Expression.Property(column, nameof(string.Length));
        var start = atStart ? (Expression)Expression.Constant(0) : Expression.Subtract(columnLength, length);
        return Expression.AndAlso(Expression.GreaterThanOrEqual(columnLength, length),
            Expression.Equal(Expression.Call(column, Substring, start, length), value));
    }
}
