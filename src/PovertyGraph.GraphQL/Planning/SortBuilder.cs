using System.Linq.Expressions;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// Turns an <c>order</c> argument into sort keys: several keys, ASC or DESC, through to-one relations,
/// always ending with the row ID so that the order is total and keyset paging never skips or repeats a row.
/// </summary>
public sealed class SortBuilder(EntityModel model, Viewer viewer)
{
    public IReadOnlyList<SortKey> Build(EntityDescriptor type, IEnumerable<object?>? order)
    {
        var keys = new List<SortKey>();
        var x = Expression.Parameter(type.ClrType, "x");
        foreach (var item in order ?? [])
            if (item is IDictionary<string, object?> spec) Collect(type, x, spec, type.Name, keys, x, null);
        keys.Add(new SortKey(type.Fields[0].Expression, false, "id"));
        return keys;
    }

    /// <param name="present">Null, or a test that every optional relation on the path exists: a key read through a
    /// missing relation is null, whatever its column type.</param>
    private void Collect(EntityDescriptor type, Expression instance, IDictionary<string, object?> spec, string path, List<SortKey> keys, ParameterExpression root, Expression? present)
    {
        foreach (var (name, value) in spec)
        {
            if (value == null) continue;
            if (type.ToOne.FirstOrDefault(r => r.Name == name) is { } relation)
            {
                var navigation = ParameterReplacer.Apply(relation.Navigation, instance);
                var optional = type.Field(relation.ForeignKey).Nullable;
                var exists = Expression.NotEqual(navigation, Expression.Constant(null, navigation.Type));
                var test = !optional ? present : present == null ? exists : Expression.AndAlso(present, exists);
                Collect(model.For(relation.Target), navigation, (IDictionary<string, object?>)value, $"{path}.{name}", keys, root, test);
                continue;
            }
            var field = type.Fields.Single(f => f.Name == name && !f.Internal);
            if (!AccessRules.FullEverywhere(type, field, viewer))
                throw QueryError.Forbidden($"{type.Name}.{field.Name} cannot be used in 'order': the {viewer.Role.ToString().ToUpperInvariant()} role does not see it in full, and an order on it would reveal it.");
            var member = ParameterReplacer.Apply(field.Expression, instance);
            if (present != null && member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) == null)
            {
                var nullable = typeof(Nullable<>).MakeGenericType(member.Type);
                member = Expression.Condition(present, Expression.Convert(member, nullable), Expression.Constant(null, nullable));
            }
            member = Normalise(member);
            keys.Add(new SortKey(Expression.Lambda(member, root), value.ToString() == "DESC", $"{path}.{name}"));
        }
    }

    /// <summary>Enums to int, booleans to 0/1 (nullability kept), so keys compare with &lt; and &gt; in SQL and group as integers.</summary>
    public static Expression Normalise(Expression e)
    {
        var underlying = System.Nullable.GetUnderlyingType(e.Type) ?? e.Type;
        var nullable = e.Type != underlying || !e.Type.IsValueType;
        if (underlying.IsEnum) return Expression.Convert(e, nullable ? typeof(int?) : typeof(int));
        if (underlying == typeof(bool))
        {
            var asInt = Expression.Condition(Expression.Equal(e, Expression.Constant(true, e.Type)), Expression.Constant(1, typeof(int?)), Expression.Constant(0, typeof(int?)));
            return nullable ? Expression.Condition(Expression.Equal(e, Expression.Constant(null, e.Type)), Expression.Constant(null, typeof(int?)), asInt) : asInt;
        }
        return e;
    }
}
