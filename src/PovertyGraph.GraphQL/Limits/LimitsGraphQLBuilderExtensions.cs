using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Cost;

namespace PovertyGraph.GraphQL.Limits;

public static class LimitsGraphQLBuilderExtensions
{
    /// <summary>
    /// Cost analysis before execution (<see cref="CostAnalysisRule"/>, also on cached documents), the cost-only answer
    /// (<see cref="CostValidationStrategySelector"/>), the expensive-operations queue and the time limit. Options come
    /// from DI (<see cref="CostOptions"/>, <see cref="LimitsOptions"/>), defaults when the host registers none.
    /// </summary>
    public static IGraphQLBuilder AddPovertyGraphLimits(this IGraphQLBuilder builder)
    {
        builder.Services
            .TryRegister(new CostOptions())
            .TryRegister(new LimitsOptions())
            .TryRegister<TableStatistics>(global::GraphQL.DI.ServiceLifetime.Singleton)
            .TryRegister<PlannedOperations>(global::GraphQL.DI.ServiceLifetime.Singleton)
            .TryRegister<IFieldCostEstimator, PlanCostEstimator>(global::GraphQL.DI.ServiceLifetime.Singleton)
            .Register<IExecutionStrategySelector>(sp => new CostValidationStrategySelector(
                new DefaultExecutionStrategySelector(sp.GetServices<ExecutionStrategyRegistration>())), global::GraphQL.DI.ServiceLifetime.Singleton, replace: true);
        return builder
            .AddValidationRule<CostAnalysisRule>(useForCachedDocuments: true)
            .AddDocumentListener<ExpensiveOperationQueue>(global::GraphQL.DI.ServiceLifetime.Singleton)
            .ConfigureExecution<ExecutionTimeLimit>()
            .ConfigureExecution<OversizedDocumentGate>();
    }
}
