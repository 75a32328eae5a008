using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>eq</c> and <c>neq</c>: compared with a value, or with null.</summary>
public abstract class EqualityOperation(string name, string description, bool equal) : FilterOperation(name, description, FilterKinds.All)
{
    public override Expression Build(FilterOperand operand)
    {
        var column = operand.Column;
        if (operand.Value == null && column.Type.IsValueType && Nullable.GetUnderlyingType(column.Type) == null)
            return Expression.Constant(!equal); // a column that is never null
        var value = operand.Value == null ? Expression.Constant(null, column.Type) : operand.Constant();
        return equal ? Expression.Equal(column, value) : Expression.NotEqual(column, value);
    }
}
