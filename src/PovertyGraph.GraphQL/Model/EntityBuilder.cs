using System.Linq.Expressions;
using PovertyGraph.Domain;

namespace PovertyGraph.GraphQL.Model;

/// <summary>
/// Declares what an entity exposes and, for types that hold personal data, what each field holds; the engine
/// derives graph types, filters, sorts, aggregates and access levels from it. A personal-data class
/// (<see cref="NotPersonal"/>, <see cref="Identifier"/>, <see cref="QuasiIdentifier"/>, <see cref="SensitiveAttribute"/>)
/// applies to the field declared just before it.
/// </summary>
public sealed class EntityBuilder<T>(EntityDescriptor descriptor, EntityModel model) where T : class
{
    private ScalarField? _last;

    public EntityDescriptor Descriptor => descriptor;

    /// <summary>The rows hold personal data: every field must then say what it holds, or the model is refused at start.</summary>
    public EntityBuilder<T> HoldsPersonalData()
    {
        descriptor.HoldsPersonalData = true;
        return this;
    }

    /// <summary>Aggregates of these rows are published as protected statistics to callers without exact figures.</summary>
    public EntityBuilder<T> ProtectedStatistics() => Set(() => descriptor.ProtectedStatistics = true);

    /// <summary>Only administrators may read these rows at all.</summary>
    public EntityBuilder<T> AdministratorsOnly() => Set(() => descriptor.AdministratorsOnly = true);

    private EntityBuilder<T> Set(Action declare)
    {
        declare();
        return this;
    }

    /// <summary>The village each row belongs to: partner organisations see personal fields in full in their partner villages.</summary>
    public EntityBuilder<T> ScopedByVillage(Expression<Func<T, int>> village)
    {
        descriptor.VillageScope = village;
        return this;
    }

    /// <summary>A full disclosure of this row's identifiers is audited under the <paramref name="type"/> row that <paramref name="field"/> names.</summary>
    public EntityBuilder<T> AuditedAs(string type, string field)
    {
        descriptor.AuditSubject = (type, field);
        return this;
    }

    /// <summary>The row key (slot 0, exposed as the global <c>id</c>; opaque, so not personal).</summary>
    public EntityBuilder<T> Key<TKey>(Expression<Func<T, TKey>> key)
    {
        descriptor.Fields.Insert(0, new ScalarField
        {
            Name = "id", Description = "Global ID (opaque; use it with `node`).", Expression = key, Kind = ScalarKind.Id,
            Sortable = false, EntityName = descriptor.Name, PersonalData = Model.PersonalData.None,
        });
        return this;
    }

    public EntityBuilder<T> Field<TValue>(string name, Expression<Func<T, TValue>> expression, string description,
        bool aggregate = false, bool filter = true, bool sort = true, ScalarKind? kind = null)
    {
        var type = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        var resolved = kind ?? (type == typeof(string) ? ScalarKind.String
            : type == typeof(bool) ? ScalarKind.Boolean
            : type.IsEnum ? ScalarKind.Enum
            : type == typeof(DateOnly) ? ScalarKind.Date
            : type == typeof(DateTimeOffset) ? ScalarKind.DateTime
            : ScalarKind.Int);
        if (resolved == ScalarKind.Enum) model.UseEnum(type);
        _last = new ScalarField
        {
            Name = name, Description = description, Expression = expression, Kind = resolved, Aggregatable = aggregate,
            Filterable = filter, Sortable = sort, EnumType = resolved == ScalarKind.Enum ? type : null,
        };
        descriptor.Fields.Add(_last);
        return this;
    }

    /// <summary>The field declared last counts or measures in <paramref name="unit"/>.</summary>
    public EntityBuilder<T> In(Unit unit) =>
        Set(() => (_last ?? throw new InvalidOperationException($"{descriptor.Name}: a unit follows the field it describes")).Unit = unit);

    /// <summary>The field declared last holds nothing personal.</summary>
    public EntityBuilder<T> NotPersonal() => Classify(Model.PersonalData.None, Mask.None);

    /// <summary>The field declared last names a person; <paramref name="mask"/> is the form it may be shown in, if any.</summary>
    public EntityBuilder<T> Identifier(Mask mask = Mask.None) => Classify(Model.PersonalData.Identifier, mask);

    /// <summary>The field declared last narrows down who a record is.</summary>
    public EntityBuilder<T> QuasiIdentifier(Mask mask = Mask.None) => Classify(Model.PersonalData.QuasiIdentifier, mask);

    /// <summary>The field declared last must not be tied to a named person.</summary>
    public EntityBuilder<T> SensitiveAttribute() => Classify(Model.PersonalData.SensitiveAttribute, Mask.None);

    /// <summary>
    /// The field declared last is the masked form of <paramref name="source"/> (the year of a birth date): it holds what
    /// the source holds, and a caller sees it in full wherever the source is shown to it at all, masked or full.
    /// </summary>
    public EntityBuilder<T> MaskedFormOf(string source)
    {
        var of = descriptor.Field(source);
        if (of.PersonalData is not { } data || of.Mask == Mask.None)
            throw new InvalidOperationException($"{descriptor.Name}.{source} has no masked form for {_last?.Name} to be");
        Classify(data, Mask.None);
        _last!.MaskedFormOf = of;
        return this;
    }

    private EntityBuilder<T> Classify(PersonalData data, Mask mask)
    {
        if (_last == null) throw new InvalidOperationException($"{descriptor.Name}: a personal-data class follows the field it describes");
        if (_last.PersonalData != null) throw new InvalidOperationException($"{descriptor.Name}.{_last.Name} is classified twice");
        if (data != Model.PersonalData.None && !descriptor.HoldsPersonalData)
            throw new InvalidOperationException($"{descriptor.Name}.{_last.Name} is personal, but {descriptor.Name} does not declare .HoldsPersonalData()");
        _last.PersonalData = data;
        _last.Mask = mask;
        return this;
    }

    /// <summary>A whole-yuan amount, stored as a 64-bit integer and shown as Decimal.</summary>
    public EntityBuilder<T> Money(string name, Expression<Func<T, long>> expression, string description) =>
        Field(name, expression, description, aggregate: true, kind: ScalarKind.Money).In(Unit.Yuan);

    public EntityBuilder<T> Internal<TValue>(string name, Expression<Func<T, TValue>> expression) =>
        AddInternal(name, expression);

    private EntityBuilder<T> AddInternal(string name, LambdaExpression expression, bool provenance = false)
    {
        if (descriptor.Fields.Any(f => f.Name == name)) return this;
        descriptor.Fields.Add(new ScalarField
        {
            Name = name, Description = "", Expression = expression, Kind = ScalarKind.Int, Internal = true, Filterable = false, Sortable = false,
            Provenance = provenance, PersonalData = Model.PersonalData.None,
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
        return Geography(x, x, GeographyLevels, "");
    }

    /// <summary>The same for the places (village included) the rows of <paramref name="parent"/> carry: a person's, through its household.</summary>
    public EntityBuilder<T> WithGeographyOf<TParent>(Expression<Func<T, TParent?>> parent) where TParent : class =>
        Geography(parent.Parameters[0], parent.Body, GeographyLevels.Prepend(("village", typeof(Village))), $" (of the {typeof(TParent).Name.ToLowerInvariant()})");

    private EntityBuilder<T> Geography(ParameterExpression x, Expression carrier, IEnumerable<(string Name, Type Type)> levels, string of)
    {
        foreach (var (name, target) in levels)
        {
            var pascal = char.ToUpperInvariant(name[0]) + name[1..];
            if (carrier.Type.GetProperty(pascal + "Id") is not { } key || carrier.Type.GetProperty(pascal) is not { } navigation) continue;
            var keyExpression = Expression.Lambda(Expression.Convert(Expression.Property(carrier, key), typeof(int?)), x);
            AddToOne(name, Expression.Lambda(Expression.Property(carrier, navigation), x), keyExpression, target,
                $"The {name}{of}" + (key.PropertyType == typeof(int?) ? ", where there is one." : "."));
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
        if (type.IsEnum) model.UseEnum(type);
        var field = new ScalarField
        {
            Name = keyField, Description = description, Expression = expression, Internal = true, Filterable = false, Sortable = false,
            Kind = type.IsEnum ? ScalarKind.Enum : type == typeof(bool) ? ScalarKind.Boolean : ScalarKind.Int,
            EnumType = type.IsEnum ? type : null, PersonalData = Model.PersonalData.None,
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
        descriptor.ProvenanceSource = typeof(SourceDocument);
        return this;
    }

    public EntityBuilder<T> WithCellKey(Expression<Func<T, int>> key)
    {
        descriptor.CellKey = key;
        return this;
    }
}
