namespace PovertyGraph.GraphQL.Access;

/// <summary>Bound from the "Statistics" configuration section.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";
    /// <summary>Cells with fewer records are suppressed for protected callers.</summary>
    public int MinimumCellSize { get; set; } = 5;
    /// <summary>Seed of the noise table (changing it changes every published cell).</summary>
    public int TableSeed { get; set; } = 20170814;
}
