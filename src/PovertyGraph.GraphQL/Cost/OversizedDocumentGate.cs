using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// Refuses a document with more field selections or aliases than an operation may have before GraphQL.NET validates
/// it: validating walks every node with every rule, which for a document of ten thousand aliased fields takes longer
/// than costing it. Such a document is costed as written (<see cref="CostAnalysisRule.CheckUnvalidated"/>) and refused
/// with the same errors the rule gives. Smaller documents, and documents from the cache, go on to validation, where
/// <see cref="CostAnalysisRule"/> judges them again with their parsed arguments. The parsed document is kept for the
/// executer, so nothing is parsed twice.
/// </summary>
public sealed class OversizedDocumentGate(CostAnalysisRule rule, CostOptions options, IDocumentBuilder builder) : IConfigureExecution
{
    public float SortOrder => 250; // inside the document cache: only documents it does not hold

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        if (execution.Document != null || execution.Query == null || execution.Schema == null) return await next(execution);
        GraphQLDocument document;
        try
        {
            document = builder.Build(execution.Query);
        }
        catch (GraphQLParserException)
        {
            return await next(execution); // the executer reports it as it does every syntax error
        }
        execution.Document = document;
        var (fields, aliases) = Count(document);
        if (fields <= options.MaxFields && aliases <= options.MaxAliases) return await next(execution);

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = execution.OperationName == null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == execution.OperationName);
        if (operation == null) return await next(execution); // validation explains
        execution.UserContext ??= new Dictionary<string, object?>();
        var errors = rule.CheckUnvalidated(execution.Schema, document, operation, execution.Variables, execution.RequestServices, execution.UserContext);
        if (errors.Count == 0) return await next(execution);
        var refused = new ExecutionErrors();
        refused.AddRange(errors);
        return new ExecutionResult { Document = document, Errors = refused };
    }

    /// <summary>Field selections and aliases as written, in every definition (no fragment expanded).</summary>
    private static (long Fields, long Aliases) Count(GraphQLDocument document)
    {
        long fields = 0, aliases = 0;
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
            if (definition is IHasSelectionSetNode { SelectionSet: { } set }) pending.Push(set);
        while (pending.Count > 0)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                if (selection is GraphQLField field)
                {
                    fields++;
                    if (field.Alias != null) aliases++;
                }
                if (selection is IHasSelectionSetNode { SelectionSet: { } inner }) pending.Push(inner);
            }
        }

        return (fields, aliases);
    }
}
