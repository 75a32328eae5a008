namespace PovertyGraph.GraphQL.Access;

/// <summary>
/// What a user needs to analyse protected figures correctly, in one object: `dataset { statisticsProtection }` and the
/// downloads' metadata both read it (registered as a singleton; also <see cref="IStatisticsProtection.Parameters"/>).
/// Built from <see cref="StatisticsOptions"/> and the protection's own noise table, so it cannot drift from what is applied.
/// </summary>
public sealed record StatisticsProtectionParameters
{
    /// <summary>The method, as statistics offices name it.</summary>
    public string Method { get; init; } = "cell-key";

    /// <summary>Roles that receive protected rather than exact household and person aggregates.</summary>
    public required IReadOnlyList<Role> ProtectedRoles { get; init; }

    /// <summary>Cells with fewer records are suppressed (published without values).</summary>
    public required int MinimumCellSize { get; init; }

    /// <summary>The largest amount a published count differs from the true one by (a non-empty cell is never published below 1).</summary>
    public required int MaximumCountNoise { get; init; }

    /// <summary>The distribution the count noise is drawn from, once per cell: zero mean, symmetric.</summary>
    public required IReadOnlyList<NoiseProbability> CountNoise { get; init; }

    /// <summary>Variance of the count noise (for error propagation: a sum of k different cells has about k times this variance).</summary>
    public double CountNoiseVariance => CountNoise.Sum(n => n.Probability * n.Value * n.Value);

    /// <summary>A sum moves by up to this many times the cell's average record (rounded), the multiple drawn from the same distribution.</summary>
    public required int MaximumSumNoiseInAverageRecords { get; init; }

    /// <summary>The noise is a function of the cell's records (through their fixed keys), not of the request: the same records, the same answer.</summary>
    public bool NoiseFixedPerCell { get; init; } = true;

    /// <summary>Minimums and maximums would be one record's value: never published to protected callers.</summary>
    public bool MinimumsAndMaximumsPublished { get; init; }

    /// <summary>Which sets are published at all (the cell rule), in plain words.</summary>
    public string Cells { get; init; } =
        "Only cells of the published dimensions: each condition of a protected aggregate's `where` names one value of a groupBy dimension " +
        "(a place by id or name, an enum value, a year, a flag) with eq, combined with and; everything else is grouping. Other conditions are refused.";

    /// <summary>The parameters of a cell-key protection with this noise table.</summary>
    public static StatisticsProtectionParameters From(StatisticsOptions options, IReadOnlyList<int> noiseTable) => new()
    {
        ProtectedRoles = Enum.GetValues<Role>().Where(r => !new Viewer(r).ExactStatistics).ToList(),
        MinimumCellSize = options.MinimumCellSize,
        MaximumCountNoise = noiseTable.Max(Math.Abs),
        CountNoise = noiseTable.GroupBy(n => n).OrderBy(g => g.Key).Select(g => new NoiseProbability(g.Key, (double)g.Count() / noiseTable.Count)).ToList(),
        MaximumSumNoiseInAverageRecords = noiseTable.Max(Math.Abs),
    };
}
