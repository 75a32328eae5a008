using System.Threading.RateLimiting;
using PovertyGraph.GraphQL.Limits;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// Large downloads (costing at least Limits:ExpensivePoints) stream at most <see cref="DownloadOptions.Concurrency"/> at
/// a time; others wait in order, a bounded queue for a bounded time, and are refused beyond it (429). They have their own
/// slots rather than GraphQL's expensive-operations queue: a download holds its slot for as long as its client reads.
/// </summary>
public sealed class DownloadSlots(DownloadOptions options, LimitsOptions limits) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Concurrency, QueueLimit = options.QueueLength, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A slot for a download of <paramref name="points"/> (null: it needs none), or a 429 when none came in time.</summary>
    public async Task<IDisposable?> AcquireAsync(long points, CancellationToken caller)
    {
        if (points < limits.ExpensivePoints) return null;
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(caller);
        patience.CancelAfter(TimeSpan.FromSeconds(options.QueueSeconds));
        RateLimitLease? lease = null;
        try
        {
            lease = await _limiter.AcquireAsync(1, patience.Token);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
        }
        if (lease is { IsAcquired: true }) return lease;
        lease?.Dispose();
        throw new DownloadProblem(StatusCodes.Status429TooManyRequests, RateLimitedError.RateLimitedCode,
            $"Too many large downloads are running or waiting (this one costs {points:N0} points): try again later, or ask for fewer rows.",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)Math.Ceiling(options.QueueSeconds) });
    }

    public void Dispose() => _limiter.Dispose();
}
