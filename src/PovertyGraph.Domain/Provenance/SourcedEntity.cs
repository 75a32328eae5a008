namespace PovertyGraph.Domain;

/// <summary>
/// Base of every row that comes from, or imitates, a source document. Kept as plain columns (not an
/// owned type) so filters and aggregates on provenance translate to simple SQL.
/// </summary>
public abstract class SourcedEntity
{
    public int Id { get; set; }
    /// <summary>Document the row (or the total it helps reproduce) comes from.</summary>
    public string? SourceDocumentId { get; set; }
    public SourceDocument? SourceDocument { get; set; }
    /// <summary>Where in the document: table, chapter or paragraph.</summary>
    public string? SourceReference { get; set; }
    /// <summary>True when the row was generated rather than transcribed.</summary>
    public bool Synthetic { get; set; }
    /// <summary>Comma-separated names of generated fields on an otherwise real row ("" when none or all).</summary>
    public string SyntheticFields { get; set; } = "";
}
