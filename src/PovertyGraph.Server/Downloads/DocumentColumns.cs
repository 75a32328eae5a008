using GraphQLParser.AST;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// The columns a persisted document's rows select (<c>nodes { name county { name } }</c> gives <c>name</c>,
/// <c>county.name</c>), in the document's order, through fragments; aliases are not column names. A download's rows may
/// select scalar fields, to-one relations and provenance: a nested list has no place in a table.
/// </summary>
public static class DocumentColumns
{
    public static IReadOnlyList<string> Of(EntityModel model, EntityDescriptor type, GraphQLDocument document, GraphQLField root)
    {
        var paths = new List<string>();
        foreach (var rows in RowSelection.RowsOf(root, document)) Collect(model, type, document, rows, "", paths);
        if (paths.Count == 0) throw DownloadProblem.BadRequest($"The document selects no row fields: a download's columns are the fields under {type.RootField} {{ nodes {{ … }} }}.");
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Collect(EntityModel model, EntityDescriptor type, GraphQLDocument document, GraphQLSelectionSet set, string prefix, List<string> paths)
    {
        foreach (var field in Selections.FieldNodes(document, set))
        {
            var name = field.Name.StringValue;
            if (name == "__typename") continue;
            var path = prefix + name;
            if (field.SelectionSet == null) { paths.Add(path); continue; }
            if (name == "provenance")
            {
                foreach (var part in Selections.FieldNodes(document, field.SelectionSet))
                {
                    if (part.SelectionSet == null) paths.Add($"{path}.{part.Name.StringValue}");
                    else paths.AddRange(Selections.FieldNodes(document, part.SelectionSet).Select(f => $"{path}.{part.Name.StringValue}.{f.Name.StringValue}"));
                }
                continue;
            }
            var relation = type.ToOne.FirstOrDefault(r => r.Name == name)
                ?? throw DownloadProblem.BadRequest($"'{path}' is a list: a download's rows may select scalar fields, to-one relations and provenance only.");
            Collect(model, model.For(relation.Target), document, field.SelectionSet, path + ".", paths);
        }
    }
}
