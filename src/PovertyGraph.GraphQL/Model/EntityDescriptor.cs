using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Model;

/// <summary>Everything the engine knows about one entity type; declared once (Types/), sealed before the schema is built.</summary>
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
    /// <summary>Per-record key for cell-key perturbation of aggregates, or null.</summary>
    public LambdaExpression? CellKey { get; set; }
    /// <summary>Whether the entity carries provenance columns.</summary>
    public bool HasProvenance => ProvenanceSource != null;
    /// <summary>The type of the documents provenance columns name, when the entity carries them.</summary>
    public Type? ProvenanceSource { get; set; }
    public bool HasIntegerId => ClrType.GetProperty("Id")!.PropertyType == typeof(int);

    /// <summary>Rows hold personal data: every field must say what it holds (<see cref="PersonalData"/>), or the model is refused.</summary>
    public bool HoldsPersonalData { get; set; }
    /// <summary>Aggregates of these rows describe people: protected statistics for callers without exact figures.</summary>
    public bool ProtectedStatistics { get; set; }
    /// <summary>Only administrators may read these rows (the audit log).</summary>
    public bool AdministratorsOnly { get; set; }
    /// <summary>The village a row belongs to (x => x.VillageId), which scopes partner organisations' access; or null.</summary>
    public LambdaExpression? VillageScope { get; set; }
    /// <summary>The field naming the record a disclosure of this row's identifiers is audited under, and that record's type.</summary>
    public (string Type, string Field)? AuditSubject { get; set; }

    private Dictionary<string, int>? _slots;

    public ScalarField Field(string name) => Fields[SlotOf(name)];

    /// <summary>Index of a field in rows of this type (fields are fixed once the model is built).</summary>
    public int SlotOf(string name)
    {
        if (_slots == null || _slots.Count != Fields.Count) _slots = Fields.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i);
        return _slots.TryGetValue(name, out var slot) ? slot : throw new KeyNotFoundException($"{Name} has no field {name}");
    }

    public IEnumerable<ScalarField> PublicFields => Fields.Where(f => !f.Internal);
    public IEnumerable<ScalarField> Aggregatable => Fields.Where(f => f.Aggregatable);
}
