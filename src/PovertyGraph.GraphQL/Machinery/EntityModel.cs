using System.Linq.Expressions;
using GraphQL.Types;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>How a scalar is shown in the API.</summary>
public enum ScalarKind { String, Int, Boolean, Enum, Money, Date, PartialDate, DateTime, Id }

/// <summary>A scalar field of an entity: its expression over the entity, and what the machinery may do with it.</summary>
public sealed class ScalarField
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>The column or computed value, as an expression over the entity (x => x.Name).</summary>
    public required LambdaExpression Expression { get; init; }
    public required ScalarKind Kind { get; init; }
    public Type ValueType => Expression.ReturnType;
    public bool Nullable => !ValueType.IsValueType || System.Nullable.GetUnderlyingType(ValueType) != null;
    public bool Filterable { get; init; } = true;
    public bool Sortable { get; init; } = true;
    /// <summary>Numeric field offered in sum/avg/min/max.</summary>
    public bool Aggregatable { get; init; }
    /// <summary>Enum graph type for Kind == Enum.</summary>
    public IGraphType? EnumType { get; init; }
    /// <summary>Read by the server but not exposed as a field (foreign keys, provenance columns).</summary>
    public bool Internal { get; init; }
    /// <summary>One of the provenance columns (read only when a selection asks for <c>provenance</c>).</summary>
    public bool Provenance { get; init; }
    /// <summary>For Kind == Id: the type name global IDs of this field carry.</summary>
    public string? EntityName { get; init; }
}

/// <summary>A to-one relation: the foreign key on this entity and the navigation EF joins through in filters and sorts.</summary>
public sealed class ToOneRelation
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required LambdaExpression Navigation { get; init; }
    /// <summary>Name of the internal scalar field holding the foreign key.</summary>
    public required string ForeignKey { get; init; }
    public required Type Target { get; init; }
}

/// <summary>A to-many relation, exposed as a nested connection.</summary>
public sealed class ToManyRelation
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>Collection navigation on the parent (v => v.Households).</summary>
    public required LambdaExpression Navigation { get; init; }
    /// <summary>The child's foreign key to the parent (h => h.VillageId).</summary>
    public required LambdaExpression ChildForeignKey { get; init; }
    public required Type Target { get; init; }
}

/// <summary>A groupBy dimension: an integer-valued key (an id, an enum, a year, a flag).</summary>
public sealed class Dimension
{
    /// <summary>Enum value name, e.g. COUNTY, PRIMARY_CAUSE.</summary>
    public required string Name { get; init; }
    /// <summary>Field name in the keys object, e.g. county, primaryCause.</summary>
    public required string KeyField { get; init; }
    public required string Description { get; init; }
    public required LambdaExpression Expression { get; init; }
    /// <summary>Entity the key is the id of (geography levels), or null.</summary>
    public Type? Entity { get; init; }
    /// <summary>The scalar field the key comes from, for enum, year and flag keys.</summary>
    public ScalarField? Field { get; init; }
}

/// <summary>Everything the machinery knows about one entity type; built once, at schema construction.</summary>
public sealed class EntityDescriptor
{
    public required Type ClrType { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>Root field name of its collection (villages), or null when only reachable through a parent.</summary>
    public string? RootField { get; init; }
    public List<ScalarField> Fields { get; } = [];
    public List<ToOneRelation> ToOne { get; } = [];
    public List<ToManyRelation> ToMany { get; } = [];
    public List<Dimension> Dimensions { get; } = [];
    /// <summary>Per-record key for cell-key perturbation of aggregates (households), or null.</summary>
    public LambdaExpression? CellKey { get; set; }
    /// <summary>Whether the entity carries provenance columns.</summary>
    public bool HasProvenance { get; set; }
    public bool HasIntegerId => ClrType.GetProperty("Id")!.PropertyType == typeof(int);

    private Dictionary<string, int>? _slots;

    public ScalarField Field(string name) => Fields[SlotOf(name)];

    /// <summary>Index of a field in rows of this type (fields are fixed once the model is built).</summary>
    public int SlotOf(string name)
    {
        if (_slots == null || _slots.Count != Fields.Count) _slots = Fields.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i);
        return _slots.TryGetValue(name, out var slot) ? slot : throw new KeyNotFoundException($"{Name} has no field {name}");
    }
    public IEnumerable<ScalarField> PublicFields => Fields.Where(f => !f.Internal);
}
