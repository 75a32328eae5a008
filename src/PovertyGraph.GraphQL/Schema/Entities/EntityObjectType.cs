using GraphQL.Types;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;
using static PovertyGraph.GraphQL.Schema.Entities.GraphFields;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>The object type of an entity: its public fields, to-one relations, nested connections and provenance.</summary>
public static class EntityObjectType
{
    /// <summary>Metadata of the object types whose rows are declared to hold personal data (for whoever reads the schema).</summary>
    public const string HoldsPersonalData = "povertygraph.holdsPersonalData";

    public static ObjectGraphType Create(EntityModel model, EntityDescriptor type, IInterfaceGraphType node)
    {
        var graph = new ObjectGraphType { Name = type.Name, Description = type.Description };
        if (type.HoldsPersonalData) graph.Metadata[HoldsPersonalData] = true;
        graph.IsTypeOf = o => o is EntityRow r && r.Type == type;
        var auditSlot = type.AuditSubject is { } subject ? type.SlotOf(subject.Field) : -1;
        foreach (var field in type.PublicFields)
        {
            var f = field;
            var nullable = f.Kind != ScalarKind.Id && (f.Nullable || f.IsPersonal);
            var scalar = TypeRefs.Named(TypeRefs.ScalarName(f));
            // Looked up once here, not for every row: the field's slot and whether showing it in full is audited.
            var slot = type.SlotOf(f.Name);
            var audited = AccessRules.IsAudited(f) ? $"{type.Name}.{f.Name}" : null;
            graph.AddField(Field(f.Name, f.Description, nullable ? scalar : TypeRefs.NonNull(scalar),
                (source, user) => Output(f, slot, audited == null ? -1 : auditSlot, audited, (EntityRow)source, user)));
        }
        foreach (var relation in type.ToOne)
        {
            var r = relation;
            var target = model.For(r.Target);
            var fk = type.Field(r.ForeignKey);
            graph.AddField(Field(r.Name, r.Description, fk.Nullable ? TypeRefs.Named(target.Name) : TypeRefs.NonNull(target.Name), (source, user) =>
            {
                var row = (EntityRow)source;
                if (row.TryRelated(r.Name, out var related)) return related; // joined into the row's own statement
                var key = row.Get(r.ForeignKey);
                return key == null ? null : Runtime(user).LoadByKey(target, key);
            }));
        }
        foreach (var relation in type.ToMany)
        {
            var r = relation;
            var target = model.For(r.Target);
            graph.AddField(Field(r.Name, r.Description, TypeRefs.NonNull(target.Name + "Connection"),
                c => ConnectionResolvers.Nested(c, target, r), ConnectionResolvers.ArgumentsFor(target)));
        }
        if (type.HasProvenance)
        {
            graph.AddField(Field("provenance", "Where this row comes from: source document and place in it, and whether (or which fields) were generated.",
                TypeRefs.NonNull(ProvenanceType.Name), (source, _) => ProvenanceValue.Of((EntityRow)source)));
        }

        graph.AddResolvedInterface(node); // validated on the spot, so after the fields
        return graph;
    }

    /// <summary>A field's value as the API shows it; identifiers shown in full are noted for the audit log (as <paramref name="auditedAs"/>).</summary>
    private static object? Output(ScalarField field, int slot, int auditSlot, string? auditedAs, EntityRow row, IDictionary<string, object?> userContext)
    {
        if (field.Kind == ScalarKind.Id) return GlobalId.Encode(row.Type.Name, row.Id);
        var value = row.Get(slot);
        if (auditSlot >= 0 && value != null && row.LevelOf(slot) == AccessLevel.Full)
            Runtime(userContext).Disclose(row.Type.AuditSubject!.Value.Type, Convert.ToInt32(row.Get(auditSlot), System.Globalization.CultureInfo.InvariantCulture), auditedAs!);
        return field.Kind == ScalarKind.Money && value is long yuan ? (decimal)yuan : value;
    }
}
