using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>startsWith</c>: starts with this text.</summary>
public sealed class StartsWithOperation() : TextOperation("startsWith", "Starts with this text.", negate: false)
{
    protected override Expression Test(Expression column, string text, PlanValues values) => TextTests.StartsWith(column, text, values);
}
