using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>ncontains</c>: does not contain this text.</summary>
public sealed class NotContainsOperation() : TextOperation("ncontains", "Does not contain this text.", negate: true)
{
    protected override Expression Test(Expression column, string text, PlanValues values) => TextTests.Contains(column, text, values);
}
