using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Limits;

/// <summary>Bound from the "Limits" configuration section: how long a request may run, and how expensive operations share the server.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Seconds an operation may execute before it is stopped (database command included), per role; 0: no limit.</summary>
    public PerRole<double> TimeLimitSeconds { get; set; } = new() { Public = 5, Researcher = 30, Ngo = 30, Official = 60, Admin = 120 };

    /// <summary>Operations costing at least this many points are expensive: they run at most <see cref="ExpensiveConcurrency"/> at a time.</summary>
    public long ExpensivePoints { get; set; } = 2_000;

    /// <summary>Expensive operations running at once; the rest wait in a queue (light operations never wait).</summary>
    public int ExpensiveConcurrency { get; set; } = 1;

    /// <summary>Expensive operations that may wait; more are refused (429, <c>RATE_LIMITED</c>).</summary>
    public int ExpensiveQueueLength { get; set; } = 32;

    /// <summary>Longest wait in the queue before the operation is refused (429, <c>RATE_LIMITED</c>).</summary>
    public double ExpensiveQueueSeconds { get; set; } = 10;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (role, seconds) in TimeLimitSeconds.All)
            if (seconds < 0 || double.IsNaN(seconds)) problems.Add($"{Section}:TimeLimitSeconds:{role} must not be negative (0: no limit).");
        if (ExpensivePoints < 1) problems.Add($"{Section}:ExpensivePoints must be positive.");
        if (ExpensiveConcurrency < 1) problems.Add($"{Section}:ExpensiveConcurrency must be at least 1.");
        if (ExpensiveQueueLength < 0) problems.Add($"{Section}:ExpensiveQueueLength must not be negative.");
        if (ExpensiveQueueSeconds <= 0) problems.Add($"{Section}:ExpensiveQueueSeconds must be positive.");
        return problems;
    }
}
