using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// Refuses an operation before anything runs when it is deeper, has more fields or aliases, or costs more than the
/// caller's role allows (<see cref="CostOptions"/>), each with its own code and always with <c>extensions.cost</c>.
/// Runs after the arguments are parsed (so <c>first: $n</c> counts as the value sent) and on cached documents too
/// (budgets depend on the caller). Validating is planning: once the document's shape is within the limits, the cost
/// comes from the plans of its connection fields, built here for the caller and kept in the request's
/// <see cref="QueryRuntime"/> for execution. The figures go to the request's <see cref="RequestCost"/> for reports,
/// the expensive-operations queue and HTTP caching.
/// </summary>
public sealed class CostAnalysisRule(IFieldCostEstimator estimator, CostOptions options, PagingOptions paging, PlannedOperations planned) : ValidationRuleBase
{
    /// <summary>
    /// Field selections the analysis visits at most: enough for any document the body limit admits, visited once; only
    /// a fragment costed under very many different scopes gets there, and is refused as too large.
    /// </summary>
    public const long MaxVisits = 1_000_000;

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var arguments = context.ArgumentValues;
        IDictionary<string, ArgumentValue>? Of(GraphQLField node) => arguments != null && arguments.TryGetValue(node, out var values) ? values : null;
        var runtime = context.UserContext.TryGetValue(RequestRuntime.Key, out var value) ? value as QueryRuntime : null;
        if (runtime != null) runtime.Arguments = arguments;
        OperationCost cost;
        if (runtime != null && planned.TryGet(context.Operation, runtime.Viewer, context.Variables, out var known))
        {
            runtime.Adopt(known.Plans);
            cost = known.Cost;
        }
        else
        {
            // The shape first (fields, aliases and depth, counting fragments where they are spread), so that nothing is
            // planned for a document that expands past the limits; then the cost, from the plans.
            var shape = new CostAnalyzer(ShapeOnly.Instance, PersonalRows.Describe, MaxVisits).Analyze(context.Schema, context.Document, context.Operation, Of);
            if (runtime != null && WithinShapeLimits(shape))
            {
                cost = new CostAnalyzer(estimator, PersonalRows.Describe, MaxVisits).Analyze(context.Schema, context.Document, context.Operation, Of, runtime);
                if (runtime.FullyPlanned) planned.Add(context.Operation, runtime.Viewer, context.Variables, new(cost, runtime.Plans));
            }
            else
            {
                cost = Analyze(context.Schema, context.Document, context.Operation, Of);
            }
        }
        foreach (var error in Judge(context.Document, context.Operation, cost, context.RequestServices, context.UserContext))
            context.ReportError(error);
        return default;
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

    /// <summary>The cost without planning, from the arguments alone (documents refused for their shape are never planned).</summary>
    private OperationCost Analyze(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation,
        Func<GraphQLField, IDictionary<string, ArgumentValue>?> arguments) =>
        new CostAnalyzer(estimator, PersonalRows.Describe, MaxVisits).Analyze(schema, document, operation, arguments);

    private bool WithinShapeLimits(OperationCost shape) =>
        shape.Complete && shape.Depth <= paging.MaxDepth && shape.Fields <= options.MaxFields && shape.Aliases <= options.MaxAliases;

    /// <summary>Costs nothing: the walk then counts fields, aliases and depth only.</summary>
    private sealed class ShapeOnly : IFieldCostEstimator
    {
        public static readonly ShapeOnly Instance = new();

        public FieldCost Estimate(in FieldCostRequest request) => FieldCost.Free;
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
        {
            Refuse(CostLimitError.FieldsCode, $"The query selects {(cost.Complete ? "" : "more than ")}{cost.Fields:N0} fields, counting a fragment's fields " +
                $"wherever it is spread; the limit is {options.MaxFields:N0}.");
        }

        if (cost.Aliases > options.MaxAliases)
            Refuse(CostLimitError.AliasesCode, $"The query has {cost.Aliases:N0} aliased fields, counting a fragment's wherever it is spread; the limit is {options.MaxAliases:N0}.");
        if (cost.Requested > budget)
        {
            Refuse(CostLimitError.CostCode, $"The query would cost {(cost.Complete ? "" : "at least ")}{cost.Requested:N0} points, over the {role.ToString().ToUpperInvariant()} " +
                $"budget of {budget:N0}: ask for smaller pages, fewer nested lists or fewer aggregates (the README explains the cost model).");
        }

        return errors;
    }
}
