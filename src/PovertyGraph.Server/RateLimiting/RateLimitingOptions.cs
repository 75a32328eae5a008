namespace PovertyGraph.Server.RateLimiting;

/// <summary>Bound from the "RateLimiting" configuration section: how often one caller may ask.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Whether requests are limited per caller at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Callers without a token, one budget per client address.</summary>
    public CallerRate Public { get; set; } = new() { PermitsPerMinute = 300, Burst = 100 };

    /// <summary>Token holders, one budget per role and subject.</summary>
    public CallerRate TokenHolders { get; set; } = new() { PermitsPerMinute = 3_000, Burst = 500 };

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, rate) in new[] { (nameof(Public), Public), (nameof(TokenHolders), TokenHolders) })
        {
            if (rate.PermitsPerMinute < 1) problems.Add($"{Section}:{name}:PermitsPerMinute must be at least 1.");
            if (rate.Burst < 1) problems.Add($"{Section}:{name}:Burst must be at least 1.");
        }
        return problems;
    }
}
