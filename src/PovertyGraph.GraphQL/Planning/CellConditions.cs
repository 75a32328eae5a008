using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// The <c>where</c> paths that name one value of a type's groupBy dimensions, derived from the dimensions themselves:
/// a place dimension (VILLAGE, COUNTY …) is named through its relation by the unit's <c>id</c> or its
/// <see cref="UnitName"/> (<c>village: { name: { eq: "青背村" } }</c>); a dimension over a field, or over a value reached
/// through to-one relations, by that field's path (<c>type</c>, <c>village.provincialLevel</c>). A name several units
/// share names all of them: a cell of their union, the same for every request that names it.
/// </summary>
public sealed class CellConditions
{
    /// <summary>The field of a place that names it, beside its ID.</summary>
    public const string UnitName = "name";

    private static readonly ConditionalWeakTable<EntityDescriptor, CellConditions> Cache = new();

    private readonly Dictionary<string, Dimension> _paths;

    private CellConditions(Dictionary<string, Dimension> paths) => _paths = paths;

    public static CellConditions For(EntityModel model, EntityDescriptor type) => Cache.GetValue(type, t => Build(model, t));

    /// <summary>Every path that names a dimension's value, and its dimension.</summary>
    public IReadOnlyDictionary<string, Dimension> Paths => _paths;

    /// <summary>Whether <c>{ path: { eq: … } }</c> names one value of a dimension.</summary>
    public bool Names(string path) => _paths.ContainsKey(path);

    /// <summary>Whether some dimension is named through the relation at <paramref name="path"/>.</summary>
    public bool Reaches(string path) => _paths.Keys.Any(p => p.StartsWith(path + ".", StringComparison.Ordinal));

    /// <summary>The allowed conditions in words, for an error message: only those the caller may filter on at all.</summary>
    public string Describe(EntityDescriptor type, Viewer viewer)
    {
        var places = _paths.Where(p => p.Value.Entity != null).Select(p => p.Key.Split('.')[0]).Distinct().ToList();
        var values = _paths.Where(p => p.Value.Entity == null && (p.Value.Field == null || p.Value.Field.Internal || AccessRules.FullEverywhere(type, p.Value.Field, viewer)))
            .Select(p => p.Key).ToList();
        var parts = new List<string>();
        if (places.Count > 0) parts.Add($"a place — {string.Join(", ", places)} — by {{ id: {{ eq: … }} }} or {{ {UnitName}: {{ eq: … }} }}");
        if (values.Count > 0) parts.Add($"{string.Join(", ", values)} by {{ eq: … }}");
        return string.Join("; ", parts);
    }

    private static CellConditions Build(EntityModel model, EntityDescriptor type)
    {
        var paths = new Dictionary<string, Dimension>(StringComparer.Ordinal);
        foreach (var dimension in type.Dimensions)
        {
            if (dimension.Entity != null)
            {
                if (type.ToOne.FirstOrDefault(r => r.Target == dimension.Entity && r.Name == dimension.KeyField) is not { } relation) continue;
                paths[$"{relation.Name}.id"] = dimension;
                if (model.For(relation.Target).PublicFields.Any(f => f.Name == UnitName && f.Filterable)) paths[$"{relation.Name}.{UnitName}"] = dimension;
            }
            // A dimension over one of the type's own public fields is named by that field, whatever its expression
            // (birthYear is x.BirthDate.Year); one over a value reached through relations, by its member path.
            else if (dimension.Field is { Internal: false, Filterable: true } field && type.PublicFields.Contains(field))
            {
                paths[field.Name] = dimension;
            }
            else if (PathOf(model, type, dimension.Expression) is { } path)
            {
                paths[path] = dimension;
            }
        }
        return new CellConditions(paths);
    }

    /// <summary>x => x.Village.ProvincialLevel as the filter path village.provincialLevel; null when a step is not filterable.</summary>
    private static string? PathOf(EntityModel model, EntityDescriptor type, LambdaExpression expression)
    {
        var members = new Stack<string>();
        var node = Strip(expression.Body);
        while (node is MemberExpression member)
        {
            members.Push(member.Member.Name);
            node = Strip(member.Expression);
        }
        if (node != expression.Parameters[0] || members.Count == 0) return null;
        var names = new List<string>();
        var current = type;
        while (members.Count > 1)
        {
            var step = members.Pop();
            if (current.ToOne.FirstOrDefault(r => MemberOf(r.Navigation) == step) is not { } relation) return null;
            names.Add(relation.Name);
            current = model.For(relation.Target);
        }
        var last = members.Pop();
        if (current.PublicFields.FirstOrDefault(f => f.Filterable && MemberOf(f.Expression) == last) is not { } field) return null;
        names.Add(field.Name);
        return string.Join('.', names);
    }

    /// <summary>The member a one-step lambda (x => x.Village) reads, or null.</summary>
    private static string? MemberOf(LambdaExpression lambda) =>
        Strip(lambda.Body) is MemberExpression { Expression: var inner } member && Strip(inner) == lambda.Parameters[0] ? member.Member.Name : null;

    private static Expression? Strip(Expression? e) => e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u ? Strip(u.Operand) : e;
}
