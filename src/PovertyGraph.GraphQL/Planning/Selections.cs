using GraphQLParser.AST;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>Reads a selection set as a list of field names, through fragment spreads and inline fragments.</summary>
public static class Selections
{
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
    public static AggregateRequest Aggregates(GraphQLDocument document, GraphQLSelectionSet? set, EntityDescriptor type)
    {
        var numeric = type.Fields.Where(f => f.Aggregatable).Select(f => f.Name).ToList();
        var values = new HashSet<(AggregateFunction, int)>();
        foreach (var part in FieldNodes(document, set))
        {
            if (!Enum.TryParse<AggregateFunction>(part.Name.StringValue, ignoreCase: true, out var function)) continue;
            foreach (var field in FieldNodes(document, part.SelectionSet))
            {
                var index = numeric.IndexOf(field.Name.StringValue);
                if (index >= 0) values.Add((function, index));
            }
        }
        return new AggregateRequest(values);
    }
}
