using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Limits;

/// <summary>
/// Stops an operation's work when its caller goes away or its role's time limit passes: every resolver and database
/// command runs with a token cancelled then (SQLite commands are interrupted, PostgreSQL ones cancelled), and the
/// answer is one <c>TIMEOUT</c> error instead of whatever was half done. Also ends the request's
/// <see cref="RequestLimits"/> (and with it any expensive-operations lease) however the execution ends.
/// </summary>
public sealed class ExecutionTimeLimit(LimitsOptions options) : IConfigureExecution
{
    public const string TimeoutCode = "TIMEOUT";

    public float SortOrder => 150; // inside the request runtime, around the document cache and validation

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        var role = execution.RequestServices?.GetService<IViewerAccessor>()?.Current.Role ?? Role.Public;
        var seconds = options.TimeLimitSeconds.For(role);
        var caller = execution.CancellationToken;
        using var limits = new RequestLimits(seconds > 0 ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan, caller);
        execution.UserContext ??= new Dictionary<string, object?>();
        execution.UserContext[RequestLimits.Key] = limits;
        execution.CancellationToken = limits.Work;
        ExecutionResult result;
        try
        {
            result = await next(execution);
        }
        catch (OperationCanceledException) when (limits.TimedOut)
        {
            result = new ExecutionResult();
        }
        finally
        {
            execution.CancellationToken = caller;
        }
        // A database command interrupted by the token surfaces as a provider error on its field, not as a cancellation.
        if (limits.TimedOut) return TimeoutResult(limits.TimeLimit, role);
        // Refused before any resolver ran: an answer without data.
        if (result.Errors?.OfType<RateLimitedError>().FirstOrDefault() is { } refused) return new ExecutionResult(refused);
        return result;
    }

    private static ExecutionResult TimeoutResult(TimeSpan limit, Role role)
    {
        var error = new TimeoutError($"The query ran past the {role.ToString().ToUpperInvariant()} time limit of {limit.TotalSeconds:0.###} s and was stopped: " +
            "ask for less (smaller pages, fewer aggregates), or with a token whose role allows more time.")
        {
            Extensions = new Dictionary<string, object?> { ["timeLimitSeconds"] = limit.TotalSeconds },
        };
        return new ExecutionResult(error);
    }
}
