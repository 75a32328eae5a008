namespace PovertyGraph.Server.Receipts;

/// <summary>Bound from the "Publishing" configuration section: how the server names itself in receipts and the catalogue.</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>The public address of this server (https://data.example.org); unset: each request's own scheme and host.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The publisher the catalogue names.</summary>
    public string Publisher { get; set; } = "PovertyGraph open-data project";

    public IReadOnlyList<string> Problems() =>
        BaseUrl != null && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _) ? [$"{Section}:BaseUrl must be an absolute URL."] : [];
}
