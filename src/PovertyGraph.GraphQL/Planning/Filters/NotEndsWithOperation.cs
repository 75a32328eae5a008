using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>nendsWith</c>: does not end with this text.</summary>
public sealed class NotEndsWithOperation() : TextOperation("nendsWith", "Does not end with this text.", negate: true)
{
    protected override Expression Test(Expression column, string text, PlanValues values) => TextTests.EndsWith(column, text, values);
}
