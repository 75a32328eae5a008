using GraphQL.Types;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>The per-scalar operator inputs (StringOperationFilterInput …), generated from the operator lists.</summary>
public static class OperationFilterInputs
{
    private static readonly Dictionary<string, string> OperatorDescriptions = new()
    {
        ["eq"] = "Equal to.", ["neq"] = "Not equal to.", ["in"] = "One of these values (at least one).", ["nin"] = "None of these values.",
        ["contains"] = "Contains this text.", ["ncontains"] = "Does not contain this text.",
        ["startsWith"] = "Starts with this text.", ["nstartsWith"] = "Does not start with this text.",
        ["endsWith"] = "Ends with this text.", ["nendsWith"] = "Does not end with this text.",
        ["gt"] = "Greater than.", ["ngt"] = "Not greater than.", ["gte"] = "Greater than or equal to.", ["ngte"] = "Not greater than or equal to.",
        ["lt"] = "Less than.", ["nlt"] = "Not less than.", ["lte"] = "Less than or equal to.", ["nlte"] = "Not less than or equal to.",
    };

    public static InputObjectGraphType Create(string name, string scalar, string[] operators, string description)
    {
        var type = new InputObjectGraphType { Name = name, Description = description };
        foreach (var op in operators)
        {
            var list = op is "in" or "nin";
            type.AddField(new FieldType
            {
                Name = op,
                Description = OperatorDescriptions[op],
                ResolvedType = list ? new ListGraphType(new NonNullGraphType(TypeRefs.Named(scalar))) : TypeRefs.Named(scalar),
            });
        }
        return type;
    }

    /// <summary>All operator inputs the model's fields need.</summary>
    public static IEnumerable<InputObjectGraphType> For(EntityModel model)
    {
        var made = new HashSet<string>();
        foreach (var field in model.All.SelectMany(t => t.PublicFields).Where(f => f.Filterable))
        {
            var name = TypeRefs.FilterInputName(field);
            if (!made.Add(name)) continue;
            var scalar = field.Kind == ScalarKind.PartialDate ? "Date" : TypeRefs.ScalarName(field);
            yield return Create(name, scalar, FilterBuilder.OperatorsFor(field.Kind), $"Conditions on a {scalar} field; several conditions are combined with AND.");
        }
    }
}
