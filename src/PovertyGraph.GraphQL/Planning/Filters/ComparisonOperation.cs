using System.Linq.Expressions;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary>An ordered comparison with a value (<c>gt</c>, <c>lte</c> …), or its negation (<c>ngt</c> …).</summary>
public abstract class ComparisonOperation(string name, string description, ExpressionType comparison, bool negate)
    : FilterOperation(name, description, FilterKinds.Ordered)
{
    public override Expression Build(FilterOperand operand)
    {
        if (operand.Value == null) throw QueryError.Argument($"{operand.Path}.{Name} needs a value");
        var test = Comparison.Make(operand.Column, operand.Constant(), comparison);
        return negate ? Expression.Not(test) : test;
    }
}
