using GraphQL.Validation;
using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>An operation refused before it runs for what it would cost; every such error carries <c>extensions.cost</c>.</summary>
public sealed class CostLimitError : ValidationError
{
    public const string CostCode = "COST_LIMIT_EXCEEDED";
    public const string FieldsCode = "FIELD_LIMIT_EXCEEDED";
    public const string AliasesCode = "ALIAS_LIMIT_EXCEEDED";
    public const string DepthCode = "MAX_DEPTH_EXCEEDED";

    public CostLimitError(GraphQLDocument document, GraphQLOperationDefinition operation, string code, string message, OperationCost cost, long budget)
        : base(document.Source, null, message, operation)
    {
        Code = code;
        Extensions = new Dictionary<string, object?> { ["cost"] = RequestCost.Describe(cost, budget) };
    }
}
