using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>contains</c>: contains this text.</summary>
public sealed class ContainsOperation() : TextOperation("contains", "Contains this text.", negate: false)
{
    protected override Expression Test(Expression column, string text, PlanValues values) => TextTests.Contains(column, text, values);
}
