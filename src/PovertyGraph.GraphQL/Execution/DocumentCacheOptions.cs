namespace PovertyGraph.GraphQL.Execution;

/// <summary>Bound from the "DocumentCache" configuration section.</summary>
public sealed class DocumentCacheOptions
{
    public const string Section = "DocumentCache";
    /// <summary>Total length of the cached query texts (the parsed documents take roughly ten times that).</summary>
    public long MaxTotalLength { get; set; } = 2_000_000;
    /// <summary>Longer queries are not cached.</summary>
    public int MaxQueryLength { get; set; } = 20_000;
}
