using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Model;

/// <summary>A scalar field of an entity: its expression over the entity, and what the engine may do with it.</summary>
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
    /// <summary>For Kind == Enum: the CLR enum (its GraphQL type has the same name).</summary>
    public Type? EnumType { get; init; }
    /// <summary>Read by the server but not exposed as a field (foreign keys, provenance columns).</summary>
    public bool Internal { get; init; }
    /// <summary>One of the provenance columns (read only when a selection asks for <c>provenance</c>).</summary>
    public bool Provenance { get; init; }
    /// <summary>For Kind == Id: the type name global IDs of this field carry.</summary>
    public string? EntityName { get; init; }
    /// <summary>What the field holds, when its type holds personal data; null: not declared (refused at start).</summary>
    public PersonalData? PersonalData { get; internal set; }
    /// <summary>The masked form the field may be shown in.</summary>
    public Mask Mask { get; internal set; }
    /// <summary>
    /// The personal field this one is the masked form of (a birth year of a birth date): shown in full wherever that
    /// field is shown at all, masked or full, and hidden where it is hidden (<see cref="EntityBuilder{T}.MaskedFormOf"/>).
    /// </summary>
    public ScalarField? MaskedFormOf { get; internal set; }
    /// <summary>What a numeric field counts or measures (money is in yuan unless declared otherwise); null: not declared.</summary>
    public Unit? Unit { get; internal set; }
    /// <summary>Whether a cell's sum of this field means something (its unit adds up).</summary>
    public bool Summable => Aggregatable && Unit is { Additive: true };
    /// <summary>Whether a caller may see the field at any other level than in full.</summary>
    public bool IsPersonal => PersonalData is { } data && data != Model.PersonalData.None;
}
