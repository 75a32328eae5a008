using System.Globalization;
using System.Linq.Expressions;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary>One condition to build: the field and its column, the operand as parsed, where it sits in the filter, the plan's values.</summary>
/// <param name="Path">The field's path in the filter (<c>Village.county.name</c>), for error messages.</param>
public readonly record struct FilterOperand(ScalarField Field, Expression Column, object? Value, string Path, PlanValues Values)
{
    /// <summary>The operand converted to the column's type, as a plan value.</summary>
    public Expression Constant() => Values.Add(ToColumn(Value!), Column.Type);

    /// <summary>A parsed GraphQL value converted to the column's CLR type.</summary>
    public object ToColumn(object value)
    {
        var target = Nullable.GetUnderlyingType(Column.Type) ?? Column.Type;
        try
        {
            if (Field.Kind == ScalarKind.Id)
                return GlobalId.DecodeFor(value.ToString()!, Field.EntityName ?? "");
            if (Field.Kind == ScalarKind.Money)
            {
                var amount = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (amount != decimal.Truncate(amount)) throw QueryError.Argument($"{Path}: amounts are whole yuan; {amount} is not");
                return (long)amount;
            }
            if (target.IsEnum) return value.GetType() == target ? value : Enum.ToObject(target, value);
            if (target == typeof(DateOnly))
                return value switch { DateOnly d => d, DateTime dt => DateOnly.FromDateTime(dt), _ => DateOnly.Parse(value.ToString()!, CultureInfo.InvariantCulture) };
            return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw QueryError.Argument($"{Path}: '{value}' is not a valid {Field.Kind.ToString().ToLowerInvariant()}");
        }
    }
}
