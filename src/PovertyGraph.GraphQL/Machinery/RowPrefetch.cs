using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>
/// What a selection asks of each row beyond its own columns that the row's own statement can fetch: to-one
/// related rows (a join instead of a second, batched statement) and the unfiltered <c>totalCount</c> of nested
/// connections (a correlated COUNT subquery instead of a batched GROUP BY). Everything else (nested pages,
/// filtered counts, aggregates) still goes through the batch loaders.
/// </summary>
public sealed class RowPrefetch
{
    /// <summary>Every column, nothing related: for rows loaded without a selection at hand (by key, by node ID).</summary>
    public static readonly RowPrefetch None = new(null, [], []);

    private RowPrefetch(IReadOnlySet<string>? fields, IReadOnlyList<(ToOneRelation Relation, RowPrefetch Nested)> related, IReadOnlyList<ToManyRelation> counts)
    {
        Fields = fields;
        Related = related;
        Counts = counts;
    }

    /// <summary>The fields the rows need (those selected, plus keys and foreign keys); null: all of them.</summary>
    public IReadOnlySet<string>? Fields { get; }

    public IReadOnlyList<(ToOneRelation Relation, RowPrefetch Nested)> Related { get; }
    public IReadOnlyList<ToManyRelation> Counts { get; }
    /// <summary>
    /// The column selection alone. A nested page is limited per parent inside a subquery, where SQLite cannot
    /// join further (that needs APPLY): its related rows and counts go through the batch loaders.
    /// </summary>
    public RowPrefetch ColumnsOnly => Related.Count == 0 && Counts.Count == 0 ? this : new(Fields, [], []);

    /// <summary>Deepest chain of to-one joins followed (county { prefecture { province } } is three).</summary>
    private const int MaxDepth = 4;

    /// <summary>The prefetch for rows of <paramref name="type"/> selected by <paramref name="rowSelections"/>.</summary>
    public static RowPrefetch For(QueryRuntime runtime, EntityDescriptor type, IEnumerable<GraphQLSelectionSet> rowSelections, GraphQLDocument document, int depth = 0)
    {
        var fields = rowSelections.SelectMany(set => Selections.FieldNodes(document, set)).ToList();
        var names = fields.Select(f => f.Name.StringValue).ToHashSet(StringComparer.Ordinal);
        // The row's ID and foreign keys always (cheap, and the resolvers' fallbacks use them); provenance when asked.
        var needed = type.Fields.Where(f => f.Kind == ScalarKind.Id || names.Contains(f.Name)
                                            || (f.Internal && (!f.Provenance || names.Contains("provenance"))))
            .Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (depth >= MaxDepth) return new RowPrefetch(needed, [], []);
        var related = new List<(ToOneRelation, RowPrefetch)>();
        foreach (var relation in type.ToOne)
        {
            var target = runtime.Model.For(relation.Target);
            // A type the caller may not read is never joined: its field resolves to null through the loader, as before.
            if (!Access.AccessPolicy.MayRead(target.Name, runtime.Viewer)) continue;
            var selections = fields.Where(f => f.Name.StringValue == relation.Name && f.SelectionSet != null).Select(f => f.SelectionSet!).ToList();
            if (selections.Count == 0) continue;
            related.Add((relation, For(runtime, target, selections, document, depth + 1)));
        }
        var counts = type.ToMany.Where(relation =>
            Access.AccessPolicy.MayRead(runtime.Model.For(relation.Target).Name, runtime.Viewer) &&
            fields.Any(f => f.Name.StringValue == relation.Name && f.Arguments is not { Items.Count: > 0 }
                            && Selections.FieldNodes(document, f.SelectionSet).Any(c => c.Name.StringValue == "totalCount"))).ToList();
        return new RowPrefetch(needed, related, counts);
    }

    /// <summary>The row selection sets of a connection field: <c>nodes { … }</c> and <c>edges { node { … } }</c>.</summary>
    public static IEnumerable<GraphQLSelectionSet> RowsOf(GraphQLField connection, GraphQLDocument document)
    {
        foreach (var part in Selections.FieldNodes(document, connection.SelectionSet))
        {
            if (part.SelectionSet == null) continue;
            if (part.Name.StringValue == "nodes") yield return part.SelectionSet;
            else if (part.Name.StringValue == "edges")
                foreach (var node in Selections.FieldNodes(document, part.SelectionSet))
                    if (node.Name.StringValue == "node" && node.SelectionSet != null) yield return node.SelectionSet;
        }
    }
}
