using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>One ORDER BY key, normalised to a comparable type (enums and flags become integers).</summary>
public sealed record SortKey(LambdaExpression Expression, bool Descending, string Path)
{
    public bool Nullable => !Expression.ReturnType.IsValueType || System.Nullable.GetUnderlyingType(Expression.ReturnType) != null;
}
