using System.Threading.RateLimiting;

namespace PovertyGraph.GraphQL.Limits;

/// <summary>
/// The limits of one request, kept in the execution's user context: the token that stops its work (the caller
/// going away, or its time limit), and the expensive-operations lease it holds while it runs.
/// </summary>
public sealed class RequestLimits : IDisposable
{
    public const string Key = "PovertyGraph.RequestLimits";

    private readonly CancellationTokenSource _stop;
    private RateLimitLease? _lease;

    public RequestLimits(TimeSpan timeLimit, CancellationToken caller)
    {
        Caller = caller;
        TimeLimit = timeLimit;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(caller);
    }

    /// <summary>Cancelled when the caller goes away.</summary>
    public CancellationToken Caller { get; }

    /// <summary>Cancelled when the caller goes away or the time limit passes: what the work runs with.</summary>
    public CancellationToken Work => _stop.Token;

    public TimeSpan TimeLimit { get; }

    /// <summary>Whether the time limit, not the caller, stopped the work.</summary>
    public bool TimedOut => _stop.IsCancellationRequested && !Caller.IsCancellationRequested;

    /// <summary>Starts the time limit: when the operation is let through to execution (after any wait in the queue).</summary>
    public void StartClock()
    {
        if (TimeLimit > TimeSpan.Zero) _stop.CancelAfter(TimeLimit);
    }

    /// <summary>Keeps an expensive-operations lease until the request ends.</summary>
    public void Hold(RateLimitLease lease) => _lease = lease;

    public static RequestLimits? Of(IDictionary<string, object?>? userContext) =>
        userContext != null && userContext.TryGetValue(Key, out var value) ? value as RequestLimits : null;

    public void Dispose()
    {
        _lease?.Dispose();
        _stop.Dispose();
    }
}
