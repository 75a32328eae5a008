using GraphQL.Telemetry;
using PovertyGraph.GraphQL.Telemetry;

namespace PovertyGraph.Server.Telemetry;

/// <summary>
/// GraphQL.NET's own tracing (<see cref="GraphQLTelemetryProvider"/>: one span per operation, named after it, with
/// <c>graphql.operation.name</c> and <c>graphql.operation.type</c>), plus the caller's role
/// (<see cref="OperationSpan.RoleAttribute"/>). The cost is added by whoever computes it (<see cref="OperationSpan.SetCost"/>).
/// </summary>
public static class GraphQLOperationTracing
{
    /// <summary>The ActivitySource of the operation spans.</summary>
    public static string SourceName => GraphQLTelemetryProvider.SourceName;

    public static GraphQLTelemetryProvider Create() => new(new GraphQLTelemetryOptions
    {
        // The document's literals may be personal data (a name in a filter): the operation's name and type are enough.
        RecordDocument = false,
        EnrichWithExecutionOptions = (activity, execution) => activity.SetTag(OperationSpan.RoleAttribute, OperationMetrics.RoleName(execution)),
    });
}
