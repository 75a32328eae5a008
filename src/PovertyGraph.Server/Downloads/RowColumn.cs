using PovertyGraph.Data.Import;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// A column of a row download: a field of the row or of a row it reaches through to-one relations (<c>county.name</c>),
/// or a part of a row's provenance, read from the row as the plan projected it (masked in SQL for the caller).
/// </summary>
public sealed class RowColumn(TableColumn column, IReadOnlyList<string> relations, EntityDescriptor owner, ScalarField? scalar, string? provenance)
{
    public TableColumn Column => column;
    public string Path => column.Name;
    public IReadOnlyList<string> Relations => relations;
    public EntityDescriptor Owner => owner;
    /// <summary>The field read, or null for a provenance part (<see cref="ProvenanceColumn"/>).</summary>
    public ScalarField? Field => scalar;
    /// <summary>The internal provenance column read (sourceDocumentId, sourceReference, synthetic, syntheticFields).</summary>
    public string? ProvenanceColumn => provenance;

    /// <summary>The row this column's value sits in (the row itself, or a joined related row; null when a relation is empty).</summary>
    public EntityRow? RowOf(EntityRow row)
    {
        EntityRow? current = row;
        foreach (var relation in relations)
        {
            if (current == null) return null;
            if (!current.TryRelated(relation, out var next))
                throw new InvalidOperationException($"{current.Type.Name}.{relation} was not joined into the download's statement");
            current = next;
        }
        return current;
    }

    /// <summary>The value as files write it: text, long, bool, DateOnly, DateTimeOffset or null.</summary>
    public object? Read(EntityRow row)
    {
        if (RowOf(row) is not { } source) return null;
        if (provenance != null) return source.Get(provenance);
        var field = scalar!;
        var value = source.Get(field.Name);
        return value == null ? null : field.Kind switch
        {
            ScalarKind.Id => GlobalId.Encode(owner.Name, value),
            ScalarKind.Int or ScalarKind.Money => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            ScalarKind.Enum => EnumNames.ToConstant(value.ToString()!),
            ScalarKind.PartialDate => Formats.CellText.Of(value is int year ? year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) : value),
            _ => value,
        };
    }

    /// <summary>Whether this row shows an identifier in full in this column (then the download is audited).</summary>
    public bool DisclosesIdentifier(EntityRow row, out EntityRow? source)
    {
        source = null;
        if (scalar == null || !AccessRules.IsAudited(scalar)) return false;
        source = RowOf(row);
        return source != null && source.Get(scalar.Name) != null && source.LevelOf(owner.SlotOf(scalar.Name)) == AccessLevel.Full;
    }
}
