using System.Linq.Expressions;
using GraphQL.Types;
using PovertyGraph.Domain;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>Declares what an entity exposes; the machinery derives its graph types, filters, sorts and aggregates.</summary>
public sealed class EntityBuilder<T>(EntityDescriptor descriptor, EnumTypes enums) where T : class
{
    public EntityDescriptor Descriptor => descriptor;

    /// <summary>The row key (slot 0, exposed as the global <c>id</c>).</summary>
    public EntityBuilder<T> Key<TKey>(Expression<Func<T, TKey>> key)
    {
        descriptor.Fields.Insert(0, new ScalarField
        {
            Name = "id", Description = "Global ID (opaque; use it with `node`).", Expression = key, Kind = ScalarKind.Id,
            Sortable = false, EntityName = descriptor.Name,
        });
        return this;
    }

    public EntityBuilder<T> Field<TValue>(string name, Expression<Func<T, TValue>> expression, string description,
        bool aggregate = false, bool filter = true, bool sort = true, ScalarKind? kind = null, IGraphType? enumType = null)
    {
        var type = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        var resolved = kind ?? (type == typeof(string) ? ScalarKind.String
            : type == typeof(bool) ? ScalarKind.Boolean
            : type.IsEnum ? ScalarKind.Enum
            : type == typeof(DateOnly) ? ScalarKind.Date
            : type == typeof(DateTimeOffset) ? ScalarKind.DateTime
            : ScalarKind.Int);
        descriptor.Fields.Add(new ScalarField
        {
            Name = name, Description = description, Expression = expression, Kind = resolved, Aggregatable = aggregate,
            Filterable = filter, Sortable = sort, EnumType = resolved == ScalarKind.Enum ? enumType ?? enums.For(type) : null,
        });
        return this;
    }

    /// <summary>A whole-yuan amount, stored as a 64-bit integer and shown as Decimal.</summary>
    public EntityBuilder<T> Money(string name, Expression<Func<T, long>> expression, string description) =>
        Field(name, expression, description, aggregate: true, kind: ScalarKind.Money);

    public EntityBuilder<T> Internal<TValue>(string name, Expression<Func<T, TValue>> expression) =>
        AddInternal(name, expression);

    private EntityBuilder<T> AddInternal(string name, LambdaExpression expression, bool provenance = false)
    {
        if (descriptor.Fields.Any(f => f.Name == name)) return this;
        descriptor.Fields.Add(new ScalarField
        {
            Name = name, Description = "", Expression = expression, Kind = ScalarKind.Int, Internal = true, Filterable = false, Sortable = false,
            Provenance = provenance,
        });
        return this;
    }

    public EntityBuilder<T> HasOne<TTarget>(string name, Expression<Func<T, TTarget?>> navigation, Expression<Func<T, int?>> foreignKey, string description)
        where TTarget : class => AddToOne(name, navigation, foreignKey, typeof(TTarget), description);

    /// <summary>A to-one relation and its foreign key (an internal field named after it).</summary>
    private EntityBuilder<T> AddToOne(string name, LambdaExpression navigation, LambdaExpression foreignKey, Type target, string description)
    {
        var fk = name + "Id";
        AddInternal(fk, foreignKey);
        descriptor.ToOne.Add(new ToOneRelation { Name = name, Description = description, Navigation = navigation, ForeignKey = fk, Target = target });
        return this;
    }

    public EntityBuilder<T> HasMany<TChild>(string name, Expression<Func<T, IEnumerable<TChild>>> navigation, Expression<Func<TChild, int>> childForeignKey, string description)
        where TChild : class
    {
        descriptor.ToMany.Add(new ToManyRelation
        {
            Name = name, Description = description, Navigation = navigation, ChildForeignKey = childForeignKey, Target = typeof(TChild),
        });
        return this;
    }

    private static readonly (string Name, Type Type)[] GeographyLevels =
        [("township", typeof(Township)), ("county", typeof(County)), ("prefecture", typeof(Prefecture)), ("province", typeof(Province))];

    /// <summary>
    /// Every geography level above the entity that it carries (a TownshipId/Township pair, a CountyId/County pair …):
    /// a to-one relation to each, and a groupBy dimension (TOWNSHIP, COUNTY, PREFECTURE, PROVINCE) for each.
    /// </summary>
    public EntityBuilder<T> WithGeography()
    {
        var x = Expression.Parameter(typeof(T), "x");
        foreach (var (name, target) in GeographyLevels)
        {
            var pascal = char.ToUpperInvariant(name[0]) + name[1..];
            if (typeof(T).GetProperty(pascal + "Id") is not { } key || typeof(T).GetProperty(pascal) is not { } navigation) continue;
            var keyExpression = Expression.Lambda(Expression.Convert(Expression.Property(x, key), typeof(int?)), x);
            AddToOne(name, Expression.Lambda(Expression.Property(x, navigation), x), keyExpression, target,
                $"The {name}" + (key.PropertyType == typeof(int?) ? ", where there is one." : "."));
            AddEntityDimension(name.ToUpperInvariant(), name, keyExpression, target, $"By {name}.");
        }
        return this;
    }

    /// <summary>A groupBy dimension over a related entity: keys resolve to that entity's object.</summary>
    public EntityBuilder<T> GroupByEntity<TTarget>(string name, string keyField, Expression<Func<T, int?>> key, string description) =>
        AddEntityDimension(name, keyField, key, typeof(TTarget), description);

    private EntityBuilder<T> AddEntityDimension(string name, string keyField, LambdaExpression key, Type target, string description)
    {
        descriptor.Dimensions.Add(new Dimension { Name = name, KeyField = keyField, Description = description, Expression = key, Entity = target });
        return this;
    }

    /// <summary>A groupBy dimension over one of the entity's own enum, year or flag fields.</summary>
    public EntityBuilder<T> GroupByField(string name, string fieldName, string? description = null)
    {
        var field = descriptor.Field(fieldName);
        descriptor.Dimensions.Add(new Dimension
        {
            Name = name, KeyField = field.Name, Description = description ?? $"By {field.Name}.", Expression = field.Expression, Field = field,
        });
        return this;
    }

    /// <summary>A groupBy dimension over a value reached through relations (the project's category of an allocation).</summary>
    public EntityBuilder<T> GroupByValue<TValue>(string name, string keyField, Expression<Func<T, TValue>> expression, string description)
    {
        var type = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        var field = new ScalarField
        {
            Name = keyField, Description = description, Expression = expression, Internal = true, Filterable = false, Sortable = false,
            Kind = type.IsEnum ? ScalarKind.Enum : type == typeof(bool) ? ScalarKind.Boolean : ScalarKind.Int,
            EnumType = type.IsEnum ? enums.For(type) : null,
        };
        descriptor.Dimensions.Add(new Dimension { Name = name, KeyField = keyField, Description = description, Expression = expression, Field = field });
        return this;
    }

    /// <summary>Provenance columns (source document, reference, synthetic flag and fields).</summary>
    public EntityBuilder<T> WithProvenance()
    {
        if (!typeof(SourcedEntity).IsAssignableFrom(typeof(T))) throw new InvalidOperationException($"{typeof(T).Name} has no provenance");
        var x = Expression.Parameter(typeof(T), "x");
        LambdaExpression Column(string property) => Expression.Lambda(Expression.Property(x, property), x);
        AddInternal("sourceDocumentId", Column(nameof(SourcedEntity.SourceDocumentId)), provenance: true);
        AddInternal("sourceReference", Column(nameof(SourcedEntity.SourceReference)), provenance: true);
        AddInternal("synthetic", Column(nameof(SourcedEntity.Synthetic)), provenance: true);
        AddInternal("syntheticFields", Column(nameof(SourcedEntity.SyntheticFields)), provenance: true);
        descriptor.HasProvenance = true;
        return this;
    }

    public EntityBuilder<T> WithCellKey(Expression<Func<T, int>> key)
    {
        descriptor.CellKey = key;
        return this;
    }
}
