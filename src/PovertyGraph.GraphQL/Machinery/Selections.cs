using GraphQL;
using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>Reads a selection set as a list of field names, through fragment spreads and inline fragments.</summary>
public static class Selections
{
    public static IEnumerable<(string Name, GraphQLSelectionSet? SelectionSet)> Fields(IResolveFieldContext context, GraphQLSelectionSet? set) =>
        FieldNodes(context.Document, set).Select(f => (f.Name.StringValue, f.SelectionSet));

    /// <summary>The field nodes of a selection set, through fragment spreads and inline fragments.</summary>
    public static IEnumerable<GraphQLField> FieldNodes(GraphQLDocument document, GraphQLSelectionSet? set)
    {
        if (set == null) yield break;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var f in FieldNodes(document, inline.SelectionSet)) yield return f;
                    break;
                case GraphQLFragmentSpread spread:
                    var definition = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                    if (definition != null)
                        foreach (var f in FieldNodes(document, definition.SelectionSet)) yield return f;
                    break;
            }
        }
    }

    /// <summary>The aggregate functions and numeric fields an aggregates (or group) selection asks for.</summary>
    public static AggregateRequest Aggregates(IResolveFieldContext context, GraphQLSelectionSet? set, EntityDescriptor type)
    {
        var numeric = type.Fields.Where(f => f.Aggregatable).Select(f => f.Name).ToList();
        var values = new HashSet<(AggregateFunction, int)>();
        foreach (var (name, sub) in Fields(context, set))
        {
            if (!Enum.TryParse<AggregateFunction>(name, ignoreCase: true, out var function)) continue;
            foreach (var (field, _) in Fields(context, sub))
            {
                var index = numeric.IndexOf(field);
                if (index >= 0) values.Add((function, index));
            }
        }
        return new AggregateRequest(values);
    }
}
