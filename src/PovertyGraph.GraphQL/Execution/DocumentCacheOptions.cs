namespace PovertyGraph.GraphQL.Execution;

/// <summary>Bound from the "DocumentCache" configuration section.</summary>
public sealed class DocumentCacheOptions
{
    public const string Section = "DocumentCache";

    /// <summary>Most documents kept (at least 3: the LRU splits its capacity into hot, warm and cold parts).</summary>
    public int Capacity { get; set; } = 500;

    /// <summary>Longer queries are not cached (so the cache holds at most Capacity × MaxQueryLength characters of text).</summary>
    public int MaxQueryLength { get; set; } = 20_000;
}
