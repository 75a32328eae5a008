using System.Text.Json.Serialization;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Server.Receipts;

/// <summary>
/// The statistics protection in force for a caller, as a receipt states it: whether household and person aggregates
/// were protected for this caller, the method and its public parameters (the noise table's seed stays secret).
/// </summary>
public sealed record ProtectionParameters(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("protectedStatistics")] bool ProtectedStatistics,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("minimumCellSize")] int MinimumCellSize,
    [property: JsonPropertyName("maximumCountNoise")] int MaximumCountNoise,
    [property: JsonPropertyName("maximumSumNoise")] string MaximumSumNoise)
{
    /// <summary>The noise table's bound (<see cref="CellKeyProtection.NoiseTable"/> draws from −2 … 2).</summary>
    public const int NoiseBound = 2;

    public const string RuleText =
        "Cell-key method (README, the statistics rule): for PUBLIC and NGO callers, household and person cells with fewer than " +
        "{0} records are suppressed (status suppressed, values empty, never 0); other counts move by at most ±2 and sums by at most ±2 times " +
        "the cell's average record, fixed per cell; minimums and maximums are not published. RESEARCHER, OFFICIAL and ADMIN get exact figures.";

    public static ProtectionParameters For(Viewer viewer, StatisticsOptions options) => new(
        viewer.Role.ToString().ToUpperInvariant(), !viewer.ExactStatistics, "cell-key", options.MinimumCellSize, NoiseBound,
        $"±{NoiseBound} × the cell's average record");

    /// <summary>The rule in words, with the parameters in force.</summary>
    public static string Rule(StatisticsOptions options) => string.Format(System.Globalization.CultureInfo.InvariantCulture, RuleText, options.MinimumCellSize);
}
