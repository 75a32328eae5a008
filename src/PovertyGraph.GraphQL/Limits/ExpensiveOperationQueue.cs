using System.Threading.RateLimiting;
using GraphQL.Execution;
using PovertyGraph.GraphQL.Cost;

namespace PovertyGraph.GraphQL.Limits;

/// <summary>
/// Expensive operations (by cost, <see cref="LimitsOptions.ExpensivePoints"/>) run at most
/// <see cref="LimitsOptions.ExpensiveConcurrency"/> at a time, after validation and before any resolver; the others
/// wait in order, a bounded queue for a bounded time, and are refused beyond it (<see cref="RateLimitedError"/>).
/// Light operations never wait, so they keep flowing while heavy ones queue among themselves. Every operation's time
/// limit starts here, when it is let through to execution.
/// </summary>
public sealed class ExpensiveOperationQueue(LimitsOptions options) : DocumentExecutionListenerBase, IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.ExpensiveConcurrency,
        QueueLimit = options.ExpensiveQueueLength,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public override async Task BeforeExecutionAsync(IExecutionContext context)
    {
        var cost = RequestCost.Of(context.UserContext);
        var limits = RequestLimits.Of(context.UserContext);
        if (limits == null) return;
        if (cost is not { Mode: not CostMode.Validate, Operation: { } operation } || operation.Requested < options.ExpensivePoints)
        {
            limits.StartClock();
            return;
        }

        var wait = TimeSpan.FromSeconds(options.ExpensiveQueueSeconds);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(limits.Caller);
        patience.CancelAfter(wait);
        RateLimitLease? lease = null;
        try
        {
            lease = await _limiter.AcquireAsync(1, patience.Token);
        }
        catch (OperationCanceledException) when (!limits.Caller.IsCancellationRequested)
        {
            // waited as long as allowed
        }
        if (lease is not { IsAcquired: true })
        {
            lease?.Dispose();
            throw new RateLimitedError($"Too many expensive queries are running or waiting (this one costs {operation.Requested:N0} points; " +
                $"{options.ExpensivePoints:N0} or more is expensive): try again later, or ask for less.", wait);
        }
        limits.Hold(lease);
        limits.StartClock();
    }

    public void Dispose() => _limiter.Dispose();
}
