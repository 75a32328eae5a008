using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>A row's provenance columns, as the provenance object shows them.</summary>
public sealed record ProvenanceValue(Type SourceType, string? SourceId, string? Reference, bool Synthetic, IReadOnlyList<string> SyntheticFields)
{
    public static ProvenanceValue Of(EntityRow row) => new(row.Type.ProvenanceSource!,
        (string?)row.Get("sourceDocumentId"), (string?)row.Get("sourceReference"), (bool)row.Get("synthetic")!,
        ((string?)row.Get("syntheticFields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}
