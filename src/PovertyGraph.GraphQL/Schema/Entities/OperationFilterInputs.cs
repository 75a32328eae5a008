using GraphQL.Types;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning.Filters;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>The per-scalar condition inputs (StringOperationFilterInput …), one field per operation of the filter convention.</summary>
public static class OperationFilterInputs
{
    public static InputObjectGraphType Create(string name, string scalar, IEnumerable<FilterOperation> operations, string description)
    {
        var type = new InputObjectGraphType { Name = name, Description = description };
        foreach (var operation in operations)
        {
            type.AddField(new FieldType
            {
                Name = operation.Name,
                Description = operation.Description,
                ResolvedType = operation.TakesList ? new ListGraphType(new NonNullGraphType(TypeRefs.Named(scalar))) : TypeRefs.Named(scalar),
            });
        }

        return type;
    }

    /// <summary>All condition inputs the model's fields need.</summary>
    public static IEnumerable<InputObjectGraphType> For(EntityModel model)
    {
        var made = new HashSet<string>();
        foreach (var field in model.All.SelectMany(t => t.PublicFields).Where(f => f.Filterable))
        {
            var name = TypeRefs.FilterInputName(field);
            if (!made.Add(name)) continue;
            var scalar = field.Kind == ScalarKind.PartialDate ? "Date" : TypeRefs.ScalarName(field);
            yield return Create(name, scalar, FilterConvention.For(field.Kind), $"Conditions on a {scalar} field; several conditions are combined with AND.");
        }
    }
}
