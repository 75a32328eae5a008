using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>endsWith</c>: ends with this text.</summary>
public sealed class EndsWithOperation() : TextOperation("endsWith", "Ends with this text.", negate: false)
{
    protected override Expression Test(Expression column, string text, PlanValues values) => TextTests.EndsWith(column, text, values);
}
