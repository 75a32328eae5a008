using GraphQL;
using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>Reads a selection set as a list of field names, through fragment spreads and inline fragments.</summary>
public static class Selections
{
    public static IEnumerable<(string Name, GraphQLSelectionSet? SelectionSet)> Fields(IResolveFieldContext context, GraphQLSelectionSet? set)
    {
        if (set == null) yield break;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return (field.Name.StringValue, field.SelectionSet);
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var f in Fields(context, inline.SelectionSet)) yield return f;
                    break;
                case GraphQLFragmentSpread spread:
                    var definition = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                    if (definition != null)
                        foreach (var f in Fields(context, definition.SelectionSet)) yield return f;
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
