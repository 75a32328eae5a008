namespace PovertyGraph.Server.Caching;

/// <summary>Bound from the "HttpCaching" configuration section.</summary>
public sealed class HttpCachingOptions
{
    public const string Section = "HttpCaching";

    /// <summary>Whether cacheable GET answers get <c>Cache-Control: public</c> and an ETag (otherwise every answer is <c>no-store</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a shared cache may reuse an answer without asking again (then it revalidates with the ETag).</summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>How long the server trusts the data version it last read before reading it again; 0: on every cacheable request.</summary>
    public int VersionCheckMilliseconds { get; set; } = 1_000;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxAgeSeconds < 0) problems.Add($"{Section}:MaxAgeSeconds must not be negative.");
        if (VersionCheckMilliseconds < 0) problems.Add($"{Section}:VersionCheckMilliseconds must not be negative.");
        return problems;
    }
}
