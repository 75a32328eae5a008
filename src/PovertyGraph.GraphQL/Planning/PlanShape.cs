using System.Collections;
using System.Text;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// Canonical text of an argument's structure without its values: what decides the SQL a plan runs, not what it is run
/// with. Leaf values become <c>?</c> (or <c>null</c>, which changes the SQL), lists of filters keep their elements.
/// </summary>
public static class PlanShape
{
    public static void Append(StringBuilder text, object? value, bool literal = false)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case IDictionary<string, object?> map:
                text.Append('{');
                foreach (var (name, item) in map) { text.Append(name).Append(':'); Append(text, item, literal); text.Append(','); }
                text.Append('}');
                break;
            case IEnumerable list and not string when list.Cast<object?>().Any(i => i is IDictionary<string, object?>) || literal:
                text.Append('[');
                foreach (var item in list) { Append(text, item, literal); text.Append(','); }
                text.Append(']');
                break;
            default:
                text.Append(literal ? value.ToString() : "?");
                break;
        }
    }

    public static string Of(object? value, bool literal = false)
    {
        var text = new StringBuilder();
        Append(text, value, literal);
        return text.ToString();
    }
}
