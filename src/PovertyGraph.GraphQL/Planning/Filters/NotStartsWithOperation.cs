using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>nstartsWith</c>: does not start with this text.</summary>
public sealed class NotStartsWithOperation() : TextOperation("nstartsWith", "Does not start with this text.", negate: true)
{
    protected override Expression Test(Expression column, string text, PlanValues values) => TextTests.StartsWith(column, text, values);
}
