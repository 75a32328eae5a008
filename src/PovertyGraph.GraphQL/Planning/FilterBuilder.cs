using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning.Filters;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// Turns a <c>where</c> argument into a predicate EF translates to SQL: and/or, to-one relations through the related
/// type's filter, to-many relations with some/all/none/any, and each field condition by its operation
/// (<see cref="FilterConvention"/>). The access
/// policy is checked on every field named, before any SQL is built. Values go into the plan's <see cref="PlanValues"/>.
/// </summary>
public sealed class FilterBuilder(EntityModel model, Viewer viewer, PlanValues values)
{
    public LambdaExpression Build(EntityDescriptor type, IDictionary<string, object?> filter)
    {
        var x = Expression.Parameter(type.ClrType, "x");
        return Expression.Lambda(Predicate(type, x, filter, type.Name), x);
    }

    private Expression Predicate(EntityDescriptor type, Expression instance, IDictionary<string, object?> filter, string path)
    {
        Expression result = Expression.Constant(true);
        foreach (var (name, value) in filter)
        {
            if (value == null) continue; // an explicit null means "no condition", as in Hot Chocolate
            var part = name switch
            {
                "and" => Combine(type, instance, value, path, Expression.AndAlso, true),
                "or" => Combine(type, instance, value, path, Expression.OrElse, false),
                _ => FieldPredicate(type, instance, name, value, path),
            };
            result = result is ConstantExpression { Value: true } ? part : Expression.AndAlso(result, part);
        }
        return result;
    }

    private Expression Combine(EntityDescriptor type, Expression instance, object value, string path,
        Func<Expression, Expression, BinaryExpression> op, bool identity)
    {
        var parts = ((IEnumerable)value).Cast<IDictionary<string, object?>>().Select(f => Predicate(type, instance, f, path)).ToList();
        return parts.Count == 0 ? Expression.Constant(identity) : parts.Aggregate((a, b) => op(a, b));
    }

    private Expression FieldPredicate(EntityDescriptor type, Expression instance, string name, object value, string path)
    {
        var operations = (IDictionary<string, object?>)value;
        if (type.ToOne.FirstOrDefault(r => r.Name == name) is { } one)
        {
            var target = model.For(one.Target);
            var navigation = ParameterReplacer.Apply(one.Navigation, instance);
            var inner = Predicate(target, navigation, operations, $"{path}.{name}");
            return Expression.AndAlso(Expression.NotEqual(navigation, Expression.Constant(null, navigation.Type)), inner);
        }
        if (type.ToMany.FirstOrDefault(r => r.Name == name) is { } many)
            return CollectionPredicate(many, instance, operations, $"{path}.{name}");

        var field = type.Fields.Single(f => f.Name == name && !f.Internal);
        if (!AccessRules.FullEverywhere(type, field, viewer))
            throw QueryError.Forbidden($"{type.Name}.{field.Name} cannot be used in 'where': the {viewer.Role.ToString().ToUpperInvariant()} role does not see it in full, and a filter on it would reveal it.");
        var member = ParameterReplacer.Apply(field.Expression, instance);
        Expression result = Expression.Constant(true);
        foreach (var (op, operand) in operations)
        {
            var operation = FilterConvention.Find(field.Kind, op) ?? throw QueryError.Argument($"{path}.{name}: unknown operator '{op}'");
            var part = operation.Build(new FilterOperand(field, member, operand, $"{path}.{name}", values));
            result = result is ConstantExpression { Value: true } ? part : Expression.AndAlso(result, part);
        }
        return result;
    }

    private Expression CollectionPredicate(ToManyRelation relation, Expression instance, IDictionary<string, object?> operations, string path)
    {
        var target = model.For(relation.Target);
        var collection = ParameterReplacer.Apply(relation.Navigation, instance);
        var element = relation.Target;
        var any = EnumerableMethod("Any", 2).MakeGenericMethod(element);
        var anyPlain = EnumerableMethod("Any", 1).MakeGenericMethod(element);
        var all = EnumerableMethod("All", 2).MakeGenericMethod(element);
        Expression result = Expression.Constant(true);
        foreach (var (op, operand) in operations)
        {
            if (operand == null) continue;
            Expression part;
            if (op == "any")
            {
                // Compared with a value, so true and false share one query shape.
                part = Expression.Equal(Expression.Call(anyPlain, collection), values.Add((bool)operand, typeof(bool)));
            }
            else
            {
                var c = Expression.Parameter(element, "c");
                var inner = Expression.Lambda(Predicate(target, c, (IDictionary<string, object?>)operand, path), c);
                part = op switch
                {
                    "some" => Expression.Call(any, collection, inner),
                    "all" => Expression.Call(all, collection, inner),
                    "none" => Expression.Not(Expression.Call(any, collection, inner)),
                    _ => throw QueryError.Argument($"{path}: unknown list operator '{op}'"),
                };
            }
            result = result is ConstantExpression { Value: true } ? part : Expression.AndAlso(result, part);
        }
        return result;
    }

    private static MethodInfo EnumerableMethod(string name, int parameters) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters);
}
