using System.Text;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// The columns of a row download from field paths (<c>name,county.name,provenance.reference</c>): checked against the
/// model and the caller's access, described for the metadata, and written back as the GraphQL selection the plan reads.
/// A column the caller may not see at all is refused (403): an empty column would read as data that is missing.
/// </summary>
public static class DownloadColumns
{
    public const int MaxColumns = 100;

    /// <summary>Provenance parts a download can carry, as paths under <c>provenance</c>, and the columns they read.</summary>
    private static readonly (string Path, string Column, ColumnType Type, string Description)[] Provenance =
    [
        ("source.key", "sourceDocumentId", ColumnType.Text, "Key of the source document the row (or the totals it reproduces) comes from; see /data/sourceDocuments.csv."),
        ("reference", "sourceReference", ColumnType.Text, "Where in the document: table, chapter or paragraph."),
        ("synthetic", "synthetic", ColumnType.Boolean, "True when the row was generated (to reproduce published totals) rather than transcribed."),
        ("syntheticFields", "syntheticFields", ColumnType.Text, "Fields of a transcribed row whose values were generated or supplied from general knowledge, comma-separated."),
    ];

    /// <summary>Every field the caller sees at all, the name (or ID) of each related row, and the row's provenance.</summary>
    public static IReadOnlyList<string> Default(EntityModel model, EntityDescriptor type, Viewer viewer)
    {
        var paths = type.PublicFields.Where(f => Visible(type, f, viewer)).Select(f => f.Name).ToList();
        foreach (var relation in type.ToOne)
        {
            var target = model.For(relation.Target);
            if (!AccessRules.MayRead(target, viewer)) continue;
            paths.Add(relation.Name + "." + (target.PublicFields.Any(f => f.Name == "name") ? "name" : "id"));
        }
        if (type.HasProvenance) paths.AddRange(Provenance.Select(p => "provenance." + p.Path));
        return paths;
    }

    public static IReadOnlyList<RowColumn> Resolve(EntityModel model, EntityDescriptor type, Viewer viewer, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw DownloadProblem.BadRequest("'columns' names no column");
        if (paths.Count > MaxColumns) throw DownloadProblem.BadRequest($"'columns' names {paths.Count} columns; at most {MaxColumns}");
        var duplicate = paths.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw DownloadProblem.BadRequest($"'columns' names {duplicate.Key} twice");
        return paths.Select(p => Column(model, type, viewer, p)).ToList();
    }

    private static RowColumn Column(EntityModel model, EntityDescriptor type, Viewer viewer, string path)
    {
        var segments = path.Split('.');
        if (segments.Any(s => s.Length == 0)) throw DownloadProblem.BadRequest($"'{path}' is not a field path (name, county.name, provenance.reference)");
        var owner = type;
        var relations = new List<string>();
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var name = segments[i];
            if (name == "provenance" && owner.HasProvenance) return ProvenanceColumn(owner, relations, path, string.Join('.', segments[(i + 1)..]));
            var relation = owner.ToOne.FirstOrDefault(r => r.Name == name)
                ?? throw DownloadProblem.BadRequest($"'{path}': {owner.Name} has no to-one relation '{name}' (" +
                    $"{string.Join(", ", owner.ToOne.Select(r => r.Name).Append(owner.HasProvenance ? "provenance" : null).OfType<string>())})");
            owner = model.For(relation.Target);
            if (!AccessRules.MayRead(owner, viewer)) throw DownloadProblem.Forbidden($"'{path}': {owner.Name} rows are readable by the ADMIN role only");
            relations.Add(name);
        }
        if (relations.Count > RowSelection.MaxDepth) throw DownloadProblem.BadRequest($"'{path}' follows {relations.Count} relations; at most {RowSelection.MaxDepth}");
        var field = owner.PublicFields.FirstOrDefault(f => f.Name == segments[^1])
            ?? throw DownloadProblem.BadRequest($"'{path}': {owner.Name} has no field '{segments[^1]}' ({string.Join(", ", owner.PublicFields.Select(f => f.Name))})");
        if (!Visible(owner, field, viewer))
        {
            throw DownloadProblem.Forbidden($"'{path}': the {RoleName(viewer)} role does not see {owner.Name}.{field.Name} at all; leave the column out " +
                "(the README's roles table says who sees what)");
        }

        return new RowColumn(Describe(owner, field, viewer, path, relations.Count > 0), relations, owner, field, null);
    }

    private static RowColumn ProvenanceColumn(EntityDescriptor owner, List<string> relations, string path, string part)
    {
        var known = Provenance.FirstOrDefault(p => p.Path == part);
        if (known.Path == null)
            throw DownloadProblem.BadRequest($"'{path}': provenance columns are {string.Join(", ", Provenance.Select(p => "provenance." + p.Path))}");
        return new RowColumn(new TableColumn(path, known.Type, known.Description) { EmptyMeans = known.Type == ColumnType.Text ? "none given" : null },
            relations, owner, null, known.Column);
    }

    /// <summary>Shown to the caller at all, in some rows at least (an NGO sees a phone in its partner villages).</summary>
    public static bool Visible(EntityDescriptor type, ScalarField field, Viewer viewer)
    {
        var (inScope, outOfScope) = AccessRules.LevelsFor(type, field, viewer);
        return inScope != AccessLevel.Hidden || outOfScope != AccessLevel.Hidden;
    }

    private static TableColumn Describe(EntityDescriptor owner, ScalarField field, Viewer viewer, string path, bool related)
    {
        var (inScope, outOfScope) = AccessRules.LevelsFor(owner, field, viewer);
        var type = field.Kind switch
        {
            ScalarKind.Int or ScalarKind.Money => ColumnType.Integer,
            ScalarKind.Boolean => ColumnType.Boolean,
            ScalarKind.Date => ColumnType.Date,
            ScalarKind.DateTime => ColumnType.DateTime,
            _ => ColumnType.Text,
        };
        string? masked = (inScope, outOfScope) switch
        {
            (AccessLevel.Full, AccessLevel.Full) => null,
            (AccessLevel.Masked, AccessLevel.Masked) => $"masked for the {RoleName(viewer)} role: {MaskText(field.Mask)}",
            _ => $"for the {RoleName(viewer)} role: {LevelText(inScope, field.Mask)} in its partner villages, {LevelText(outOfScope, field.Mask)} elsewhere",
        };
        var empty = new List<string>();
        if (field.Nullable) empty.Add("no value");
        if (related) empty.Add("no related row");
        if (inScope == AccessLevel.Hidden || outOfScope == AccessLevel.Hidden) empty.Add("not shown to your role for this row");
        return new TableColumn(path, type, $"{owner.Name}.{field.Name}: {field.Description}")
        {
            Unit = field.Unit?.Name, Masked = masked, EmptyMeans = empty.Count == 0 ? null : string.Join("; ", empty),
        };
    }

    private static string LevelText(AccessLevel level, Mask mask) => level switch
    {
        AccessLevel.Full => "in full",
        AccessLevel.Masked => "masked (" + MaskText(mask) + ")",
        _ => "empty",
    };

    private static string MaskText(Mask mask) => mask switch
    {
        Mask.Surname => "the surname followed by * (王*)",
        Mask.IdentityNumberEnds => "the first 6 and last 4 characters (220281********9017)",
        Mask.YearOnly => "the year only (1965)",
        _ => "not shown",
    };

    public static string RoleName(Viewer viewer) => viewer.Role.ToString().ToUpperInvariant();

    /// <summary>The GraphQL selection that reads these columns: <c>name county { name } provenance { source { key } }</c>.</summary>
    public static string Selection(IEnumerable<string> paths)
    {
        var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var node = root;
            foreach (var segment in path.Split('.'))
            {
                if (!node.TryGetValue(segment, out var child)) node[segment] = child = new SortedDictionary<string, object>(StringComparer.Ordinal);
                node = (SortedDictionary<string, object>)child;
            }
        }
        var text = new StringBuilder();
        Write(root, text);
        return text.ToString().Trim();
    }

    private static void Write(SortedDictionary<string, object> node, StringBuilder text)
    {
        foreach (var (name, child) in node)
        {
            text.Append(' ').Append(name);
            var children = (SortedDictionary<string, object>)child;
            if (children.Count == 0) continue;
            text.Append(" {");
            Write(children, text);
            text.Append(" }");
        }
    }
}
