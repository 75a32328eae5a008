using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Server.Downloads;

/// <summary>Bound from the "Downloads" configuration section: how downloads are costed, batched and shared.</summary>
public sealed class DownloadOptions
{
    public const string Section = "Downloads";

    /// <summary>
    /// Rows a point buys: a download costs (rows it may stream × (1 + related rows joined per row)) / this, judged
    /// against the caller's cost budget (Cost:Budgets). A streamed row costs far less than a row of a GraphQL page.
    /// </summary>
    public int RowsPerPoint { get; set; } = 1000;

    /// <summary>Rows written to the response at a time (and rows per Parquet row group): the most rows a download holds.</summary>
    public int BatchRows { get; set; } = 10_000;

    /// <summary>Downloads costing at least Limits:ExpensivePoints that stream at once; others wait in a bounded queue.</summary>
    public int Concurrency { get; set; } = 2;

    public int QueueLength { get; set; } = 16;

    public double QueueSeconds { get; set; } = 10;

    /// <summary>Seconds a download may stream, per role; past it the connection is cut (the file is visibly incomplete).</summary>
    public PerRole<double> TimeLimitSeconds { get; set; } = new() { Public = 300, Researcher = 900, Ngo = 900, Official = 1800, Admin = 1800 };

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (RowsPerPoint < 1) problems.Add($"{Section}:RowsPerPoint must be positive.");
        if (BatchRows < 1) problems.Add($"{Section}:BatchRows must be positive.");
        if (Concurrency < 1) problems.Add($"{Section}:Concurrency must be at least 1.");
        if (QueueLength < 0) problems.Add($"{Section}:QueueLength must not be negative.");
        if (QueueSeconds <= 0) problems.Add($"{Section}:QueueSeconds must be positive.");
        foreach (var (role, seconds) in TimeLimitSeconds.All)
            if (seconds < 0 || double.IsNaN(seconds)) problems.Add($"{Section}:TimeLimitSeconds:{role} must not be negative (0: no limit).");
        return problems;
    }
}
