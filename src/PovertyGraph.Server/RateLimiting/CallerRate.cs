namespace PovertyGraph.Server.RateLimiting;

/// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled at <see cref="PermitsPerMinute"/>.</summary>
public sealed class CallerRate
{
    public int PermitsPerMinute { get; set; }
    public int Burst { get; set; }

    /// <summary>One request's worth of refill.</summary>
    public TimeSpan Refill => TimeSpan.FromMinutes(1) / PermitsPerMinute;
}
