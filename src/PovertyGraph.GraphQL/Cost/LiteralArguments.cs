using GraphQL.Execution;
using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// A field's whole-number arguments and list lengths as written in the document or sent as variables, for costing a
/// document before validation has parsed its arguments. Anything else is left out (the estimate then uses defaults).
/// </summary>
public static class LiteralArguments
{
    public static IDictionary<string, ArgumentValue>? Of(GraphQLField field, global::GraphQL.Inputs? variables)
    {
        if (field.Arguments is not { Items.Count: > 0 } arguments) return null;
        var values = new Dictionary<string, ArgumentValue>();
        foreach (var argument in arguments.Items)
        {
            if (Read(argument.Value, variables) is { } value)
                values[argument.Name.StringValue] = new ArgumentValue(value, ArgumentSource.Literal);
        }

        return values;
    }

    private static object? Read(GraphQLValue value, global::GraphQL.Inputs? variables) => value switch
    {
        GraphQLIntValue number => int.TryParse(number.Value.Span, out var parsed) ? parsed : int.MaxValue,
        GraphQLListValue list => list.Values?.Select(v => v is GraphQLEnumValue e ? (object)e.Name.StringValue : v).ToList() ?? [],
        GraphQLVariable variable when variables != null && variables.TryGetValue(variable.Name.StringValue, out var sent) => sent switch
        {
            int number => number,
            long number => number > int.MaxValue ? int.MaxValue : (int)number,
            System.Collections.IEnumerable list and not string => list.Cast<object?>().ToList(),
            _ => null,
        },
        _ => null,
    };
}
