using GraphQL.Types;
using PovertyGraph.GraphQL.Model;
using static PovertyGraph.GraphQL.Schema.Entities.GraphFields;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>The provenance object every sourced row carries.</summary>
public static class ProvenanceType
{
    public const string Name = "Provenance";

    public static ObjectGraphType Create(EntityModel model)
    {
        var documents = model.For(model.All.First(t => t.ProvenanceSource != null).ProvenanceSource!).Name;
        var graph = new ObjectGraphType { Name = Name, Description = "Where a row comes from." };
        graph.AddField(Field("source", "The document the row, or the totals it reproduces, come from.", TypeRefs.Named(documents), (source, user) =>
            source is ProvenanceValue { SourceId: { } id } value ? Runtime(user).LoadByKey(Runtime(user).Model.For(value.SourceType), id) : null));
        graph.AddField(Field("reference", "Where in the document: table, chapter or paragraph.", TypeRefs.Named("String"), (source, _) => ((ProvenanceValue)source).Reference));
        graph.AddField(Field("synthetic", "True when the row was generated (to reproduce published totals) rather than transcribed.", TypeRefs.NonNull("Boolean"), (source, _) => ((ProvenanceValue)source).Synthetic));
        graph.AddField(Field("syntheticFields", "Fields of a transcribed row whose values were generated or supplied from general knowledge.", TypeRefs.ListOfNonNull("String"), (source, _) => ((ProvenanceValue)source).SyntheticFields));
        return graph;
    }
}
