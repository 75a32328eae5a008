using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// Refuses an operation before anything runs when it is deeper, has more fields or aliases, or costs more than the
/// caller's role allows (<see cref="CostOptions"/>), each with its own code and always with <c>extensions.cost</c>.
/// Runs after the arguments are parsed (so <c>first: $n</c> counts as the value sent) and on cached documents too
/// (budgets depend on the caller). The figures go to the request's <see cref="RequestCost"/> for reports, the
/// expensive-operations queue and HTTP caching. Operations without variables are costed once per document node.
/// </summary>
public sealed class CostAnalysisRule(IFieldCostEstimator estimator, CostOptions options, PagingOptions paging) : ValidationRuleBase, IReusedArgumentsRule
{
    /// <summary>
    /// Field selections the analysis visits at most: enough for any document the body limit admits, visited once; only
    /// a fragment costed under very many different scopes gets there, and is refused as too large.
    /// </summary>
    public const long MaxVisits = 1_000_000;

    private readonly ConditionalWeakTable<GraphQLOperationDefinition, OperationCost> _constant = new();

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var arguments = context.ArgumentValues;
        var cost = Analyze(context.Schema, context.Document, context.Operation, node => arguments != null && arguments.TryGetValue(node, out var values) ? values : null);
        foreach (var error in Judge(context.Document, context.Operation, cost, context.RequestServices, context.UserContext))
            context.ReportError(error);
        return default;
    }

    public ValueTask<IReadOnlyList<ValidationError>?> CheckAsync(ValidationOptions options, IValidationResult parsed)
    {
        var arguments = parsed.ArgumentValues;
        var cost = _constant.TryGetValue(options.Operation, out var known) ? known
            : Analyze(options.Schema, options.Document, options.Operation, node => arguments != null && arguments.TryGetValue(node, out var values) ? values : null);
        var errors = Judge(options.Document, options.Operation, cost, options.RequestServices, options.UserContext);
        return new(errors.Count == 0 ? null : errors);
    }

    /// <summary>
    /// Judges an operation before GraphQL.NET validates it, reading <c>first</c>, <c>last</c> and the like from the
    /// document's literals and the request's variables: for documents too large to be worth validating first.
    /// </summary>
    public IReadOnlyList<ValidationError> CheckUnvalidated(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation,
        global::GraphQL.Inputs? variables, IServiceProvider? services, IDictionary<string, object?> userContext)
    {
        var cost = Analyze(schema, document, operation, node => LiteralArguments.Of(node, variables));
        return Judge(document, operation, cost, services, userContext);
    }

    private OperationCost Analyze(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation,
        Func<GraphQLField, IDictionary<string, ArgumentValue>?> arguments)
    {
        var analyzer = new CostAnalyzer(estimator, PersonalRows.Describe, MaxVisits);
        var cost = analyzer.Analyze(schema, document, operation, arguments);
        if (operation.Variables is not { Items.Count: > 0 }) _constant.AddOrUpdate(operation, cost);
        return cost;
    }

    private List<ValidationError> Judge(GraphQLDocument document, GraphQLOperationDefinition operation, OperationCost cost,
        IServiceProvider? services, IDictionary<string, object?> userContext)
    {
        var role = services?.GetService<IViewerAccessor>()?.Current.Role ?? Role.Public;
        var budget = options.Budgets.For(role);
        var record = RequestCost.For(userContext);
        record.Operation = cost;
        record.Budget = budget;

        var errors = new List<ValidationError>();
        void Refuse(string code, string message) => errors.Add(new CostLimitError(document, operation, code, message, cost, budget));
        if (cost.Depth > paging.MaxDepth)
            Refuse(CostLimitError.DepthCode, $"The query is nested {cost.Depth} fields deep; the maximum depth is {paging.MaxDepth}.");
        if (!cost.Complete || cost.Fields > options.MaxFields)
            Refuse(CostLimitError.FieldsCode, $"The query selects {(cost.Complete ? "" : "more than ")}{cost.Fields:N0} fields, counting a fragment's fields " +
                $"wherever it is spread; the limit is {options.MaxFields:N0}.");
        if (cost.Aliases > options.MaxAliases)
            Refuse(CostLimitError.AliasesCode, $"The query has {cost.Aliases:N0} aliased fields, counting a fragment's wherever it is spread; the limit is {options.MaxAliases:N0}.");
        if (cost.Requested > budget)
            Refuse(CostLimitError.CostCode, $"The query would cost {(cost.Complete ? "" : "at least ")}{cost.Requested:N0} points, over the {role.ToString().ToUpperInvariant()} " +
                $"budget of {budget:N0}: ask for smaller pages, fewer nested lists or fewer aggregates (the README explains the cost model).");
        return errors;
    }
}
