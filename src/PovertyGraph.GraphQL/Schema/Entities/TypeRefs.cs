using GraphQL.Types;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>Type references by name, wrapped: the generated types refer to one another this way.</summary>
public static class TypeRefs
{
    public static IGraphType Named(string name) => new GraphQLTypeReference(name);
    public static IGraphType NonNull(string name) => new NonNullGraphType(Named(name));
    public static IGraphType NonNull(IGraphType type) => new NonNullGraphType(type);
    public static IGraphType ListOfNonNull(string name) => new NonNullGraphType(new ListGraphType(new NonNullGraphType(Named(name))));

    /// <summary>Name of the GraphQL scalar or enum a field is shown as.</summary>
    public static string ScalarName(ScalarField field) => field.Kind switch
    {
        ScalarKind.String => "String",
        ScalarKind.Int => "Int",
        ScalarKind.Boolean => "Boolean",
        ScalarKind.Enum => field.EnumType!.Name,
        ScalarKind.Money => "Decimal",
        ScalarKind.Date => "Date",
        ScalarKind.PartialDate => "PartialDate",
        ScalarKind.DateTime => "DateTime",
        _ => "ID",
    };

    /// <summary>Input type the field's filter takes (shared per scalar kind, per enum).</summary>
    public static string FilterInputName(ScalarField field) => field.Kind switch
    {
        ScalarKind.String => "StringOperationFilterInput",
        ScalarKind.Boolean => "BooleanOperationFilterInput",
        ScalarKind.Enum => field.EnumType!.Name + "OperationFilterInput",
        ScalarKind.Money => "DecimalOperationFilterInput",
        ScalarKind.Date or ScalarKind.PartialDate => "DateOperationFilterInput",
        ScalarKind.DateTime => "DateTimeOperationFilterInput",
        ScalarKind.Id => "IdOperationFilterInput",
        _ => "IntOperationFilterInput",
    };
}
