using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// The input values of a plan, collected while it is built. Expressions refer to a value by its position in one
/// parameter (<see cref="Parameter"/>), never by the value itself, so the same query shape serves every value:
/// compiled once per shape, and bound to the values when run. Input reaches SQL only as parameters.
/// </summary>
public sealed class PlanValues
{
    /// <summary>The values every plan expression reads from (a method call EF evaluates, not an array it would index in SQL).</summary>
    public static readonly ParameterExpression Parameter = Expression.Parameter(typeof(PlanArguments), "values");

    private static readonly System.Reflection.MethodInfo Get = typeof(PlanArguments).GetMethod(nameof(PlanArguments.Get))!;

    private readonly List<object?> _values = [];

    public int Count => _values.Count;

    /// <summary>An expression of <paramref name="type"/> that reads <paramref name="value"/> from the values array.</summary>
    public Expression Add(object? value, Type type)
    {
        _values.Add(value);
        return Read(Parameter, _values.Count - 1, type);
    }

    /// <summary>(type)arguments.Get(index)</summary>
    public static Expression Read(Expression arguments, int index, Type type) =>
        Expression.Convert(Expression.Call(arguments, Get, Expression.Constant(index)), type);

    /// <summary>The index of the value <paramref name="node"/> reads, if it is a read of a plan value.</summary>
    public static int? IndexOf(UnaryExpression node) =>
        node is { NodeType: ExpressionType.Convert, Operand: MethodCallExpression { Object: var target, Arguments: [ConstantExpression { Value: int index }] } call }
        && target == Parameter && call.Method == Get ? index : null;

    public PlanArguments ToArguments() => new(_values.ToArray());

    /// <summary>
    /// The expression with its values bound to <paramref name="values"/>, for a query that is not compiled: each read
    /// becomes a member of a constant holder, which EF sends as a parameter (a method call it would inline as a literal).
    /// </summary>
    public static Expression Bind(Expression expression, PlanArguments values) => new Binder(values).Visit(expression);

    /// <summary>A value EF sends as a SQL parameter.</summary>
    public static Expression Constant(object? value, Type type) =>
        Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)), "Value");

    private sealed class Binder(PlanArguments values) : ExpressionVisitor
    {
        protected override Expression VisitUnary(UnaryExpression node) =>
            IndexOf(node) is { } index ? Constant(values.Get(index), node.Type) : base.VisitUnary(node);
    }

    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }
}
