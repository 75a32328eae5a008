using System.Text;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// What each row of a page must carry, read from the rows' selection sets: the columns selected (plus keys and
/// foreign keys), the to-one rows selected (joined into the row's statement), the unfiltered <c>totalCount</c> of
/// nested connections (correlated counts) and the nested pages fetched inside the row's statement (JSON subqueries).
/// A description only: the executor turns it into SQL.
/// </summary>
public sealed class RowSelection
{
    /// <summary>Every column, nothing related: rows loaded without a selection at hand (by key, by node ID).</summary>
    public static readonly RowSelection All = new(null, [], [], []);

    private RowSelection(IReadOnlySet<string>? fields, IReadOnlyList<(ToOneRelation Relation, RowSelection Rows)> related,
        IReadOnlyList<ToManyRelation> counts, IReadOnlyList<InlinePage> pages)
    {
        Fields = fields;
        Related = related;
        Counts = counts;
        Pages = pages;
        var shape = new StringBuilder("[");
        shape.AppendJoin(',', fields?.Order(StringComparer.Ordinal) ?? Enumerable.Repeat("*", 1));
        foreach (var (relation, rows) in related) shape.Append(';').Append(relation.Name).Append(':').Append(rows.Shape);
        foreach (var relation in counts) shape.Append(";#").Append(relation.Name);
        foreach (var page in pages) shape.Append(";{").Append(page.Relation.Name).Append(':').Append(page.Plan.Shape).Append('}');
        Shape = shape.Append(']').ToString();
    }

    /// <summary>The fields the rows need (those selected, plus keys and foreign keys); null: all of them.</summary>
    public IReadOnlySet<string>? Fields { get; }
    public IReadOnlyList<(ToOneRelation Relation, RowSelection Rows)> Related { get; }
    public IReadOnlyList<ToManyRelation> Counts { get; }
    /// <summary>Nested pages fetched with each row, in its own statement.</summary>
    public IReadOnlyList<InlinePage> Pages { get; }
    /// <summary>Canonical text of the selection (part of a plan's shape).</summary>
    public string Shape { get; }

    /// <summary>The columns alone, for rows fetched where no join or subquery can follow them.</summary>
    public RowSelection ColumnsOnly => Related.Count == 0 && Counts.Count == 0 && Pages.Count == 0 ? this : new(Fields, [], [], []);

    public bool IsEmpty => Related.Count == 0 && Counts.Count == 0 && Pages.Count == 0;

    /// <summary>Deepest chain of to-one joins followed (county { prefecture { province } } is three).</summary>
    public const int MaxDepth = 4;

    /// <summary>
    /// The selection of rows of <paramref name="type"/> selected by <paramref name="rowSelections"/>;
    /// <paramref name="inline"/> plans the nested pages a row's statement fetches (null: none is).
    /// </summary>
    public static RowSelection For(EntityModel model, Viewer viewer, EntityDescriptor type, IReadOnlyList<GraphQLSelectionSet> rowSelections,
        GraphQLDocument document, Func<ToManyRelation, GraphQLField, InlinePage?>? inline = null, int depth = 0)
    {
        var fields = rowSelections.SelectMany(set => Selections.FieldNodes(document, set)).ToList();
        var names = fields.Select(f => f.Name.StringValue).ToHashSet(StringComparer.Ordinal);
        // The row's ID always; a to-one relation's foreign key when the relation is selected (its resolver falls back to
        // it) and the audit subject's always; provenance when asked. A foreign key read through another relation (a
        // person's county, through its household) would otherwise join for every row.
        var foreignKeys = type.ToOne.ToDictionary(r => r.ForeignKey, r => r.Name, StringComparer.Ordinal);
        var needed = type.Fields.Where(f => f.Kind == ScalarKind.Id || names.Contains(f.Name) || f.Name == type.AuditSubject?.Field
                                            || (f.Internal && (f.Provenance ? names.Contains("provenance")
                                                : !foreignKeys.TryGetValue(f.Name, out var relation) || names.Contains(relation))))
            .Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (depth >= MaxDepth) return new RowSelection(needed, [], [], []);
        var related = new List<(ToOneRelation, RowSelection)>();
        foreach (var relation in type.ToOne)
        {
            var target = model.For(relation.Target);
            // A type the caller may not read is never joined: its field resolves to null through the loader.
            if (!AccessRules.MayRead(target, viewer)) continue;
            var selections = fields.Where(f => f.Name.StringValue == relation.Name && f.SelectionSet != null).Select(f => f.SelectionSet!).ToList();
            if (selections.Count == 0) continue;
            related.Add((relation, For(model, viewer, target, selections, document, null, depth + 1)));
        }
        var counts = new List<ToManyRelation>();
        var pages = new List<InlinePage>();
        foreach (var relation in type.ToMany)
        {
            if (!AccessRules.MayRead(model.For(relation.Target), viewer)) continue;
            var uses = fields.Where(f => f.Name.StringValue == relation.Name).ToList();
            // An unfiltered total, whatever the page arguments: a correlated count in the row's statement.
            if (uses.Any(f => f.Arguments?.Items.All(a => a.Name.StringValue != "where") != false
                              && Selections.FieldNodes(document, f.SelectionSet).Any(c => c.Name.StringValue == "totalCount")))
            {
                counts.Add(relation);
            }

            if (inline == null) continue;
            foreach (var use in uses)
                if (inline(relation, use) is { } page) pages.Add(page);
        }
        return new RowSelection(needed, related, counts, pages);
    }

    /// <summary>The row selection sets of a connection field: <c>nodes { … }</c> and <c>edges { node { … } }</c>.</summary>
    public static IEnumerable<GraphQLSelectionSet> RowsOf(GraphQLField connection, GraphQLDocument document)
    {
        foreach (var part in Selections.FieldNodes(document, connection.SelectionSet))
        {
            if (part.SelectionSet == null) continue;
            if (part.Name.StringValue == "nodes")
            {
                yield return part.SelectionSet;
            }
            else if (part.Name.StringValue == "edges")
            {
                foreach (var node in Selections.FieldNodes(document, part.SelectionSet))
                {
                    if (node.Name.StringValue == "node" && node.SelectionSet != null) yield return node.SelectionSet;
                }
            }
        }
    }
}
