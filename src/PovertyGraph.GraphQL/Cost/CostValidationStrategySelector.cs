using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// Chooses how a validated operation executes: not at all when the caller only asked for its cost
/// (<see cref="CostMode.Validate"/>), otherwise as the <paramref name="inner"/> selector says.
/// </summary>
public sealed class CostValidationStrategySelector(IExecutionStrategySelector inner) : IExecutionStrategySelector
{
    public IExecutionStrategy Select(ExecutionContext context) =>
        RequestCost.Of(context.UserContext)?.Mode == CostMode.Validate ? NothingToExecute.Instance : inner.Select(context);

    /// <summary>Resolves no field: the answer is the cost alone.</summary>
    private sealed class NothingToExecute : IExecutionStrategy
    {
        public static readonly NothingToExecute Instance = new();

        public Task<ExecutionResult> ExecuteAsync(ExecutionContext context) => Task.FromResult(new ExecutionResult());

        public Task ExecuteNodeTreeAsync(ExecutionContext context, ExecutionNode rootNode) => Task.CompletedTask;

        public Dictionary<string, (GraphQLParser.AST.GraphQLField field, global::GraphQL.Types.FieldType fieldType)>? GetSubFields(
            ExecutionContext executionContext, ExecutionNode executionNode) => null;
    }
}
