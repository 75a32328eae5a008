using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Telemetry;

namespace PovertyGraph.Server.Telemetry;

/// <summary>
/// Records every GraphQL operation in <see cref="ServerMetrics"/>: how long it took, its type, the caller's role,
/// whether it was answered, answered with errors or refused by a limit, and each error's code. It wraps the
/// whole execution (parse, validate, run), so it also sees operations refused before they run.
/// </summary>
public sealed class OperationMetrics(ServerMetrics metrics) : IConfigureExecution
{
    // Outermost: the time includes the document cache, parsing and validation.
    public float SortOrder => -1000;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await next(options);
        string outcome = ServerMetrics.OutcomeOk;
        if (result.Errors is { Count: > 0 } errors)
        {
            outcome = ServerMetrics.OutcomeError;
            string? refusal = null;
            foreach (var error in errors)
            {
                metrics.Error(error.Code);
                refusal ??= ServerMetrics.RefusalReason(error.Code);
            }
            if (refusal is not null)
            {
                outcome = ServerMetrics.OutcomeRefused;
                metrics.Refused(refusal);
            }
        }
        metrics.OperationCompleted(OperationType(result), RoleName(options), outcome, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private static string OperationType(ExecutionResult result) => result.Operation?.Operation switch
    {
        GraphQLParser.AST.OperationType.Query => "query",
        GraphQLParser.AST.OperationType.Mutation => "mutation",
        GraphQLParser.AST.OperationType.Subscription => "subscription",
        _ => "unknown",
    };

    private static readonly string[] RoleNames = Enum.GetNames<Role>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>The caller's role, lowercase, as the span attribute and metric tag show it.</summary>
    public static string RoleName(ExecutionOptions options)
    {
        try
        {
            var viewer = options.RequestServices?.GetService<IViewerAccessor>()?.Current;
            return viewer is null ? "unknown" : RoleNames[(int)viewer.Role];
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }
}
