using System.Linq.Expressions;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary>A test on a text column (<c>contains</c>, <c>startsWith</c> …) or its negation; a null column passes neither.</summary>
public abstract class TextOperation(string name, string description, bool negate) : FilterOperation(name, description, FilterKinds.Text)
{
    /// <summary>The test on a column that is not null; the text becomes plan values.</summary>
    protected abstract Expression Test(Expression column, string text, PlanValues values);

    public override Expression Build(FilterOperand operand)
    {
        if (operand.Value is not string text) throw QueryError.Argument($"{operand.Path}.{Name} needs a string");
        var test = Test(operand.Column, text, operand.Values);
        // A null column neither contains nor lacks a substring.
        return Expression.AndAlso(Expression.NotEqual(operand.Column, Expression.Constant(null, typeof(string))), negate ? Expression.Not(test) : test);
    }
}
