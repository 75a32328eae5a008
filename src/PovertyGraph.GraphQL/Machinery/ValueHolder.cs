using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>Wraps a value so EF sends it as a SQL parameter instead of inlining it (stable query plans, no SQL text from input).</summary>
public sealed class ValueHolder<T>(T value)
{
    public T Value { get; } = value;

    public static Expression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(ValueHolder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }
}
