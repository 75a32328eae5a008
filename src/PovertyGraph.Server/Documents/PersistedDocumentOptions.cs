namespace PovertyGraph.Server.Documents;

/// <summary>Bound from the "PersistedDocuments" configuration section.</summary>
public sealed class PersistedDocumentOptions
{
    public const string Section = "PersistedDocuments";

    /// <summary>Folder of <c>*.graphql</c> files registered at startup (relative paths: from the repository root).</summary>
    public string Folder { get; set; } = "documents";

    public PersistedDocumentMode Mode { get; set; } = PersistedDocumentMode.Open;

    /// <summary>
    /// Whether Apollo's automatic persisted queries may register documents (a query sent with its hash is remembered
    /// after it ran). Never for PUBLIC callers in <see cref="PersistedDocumentMode.AllowList"/> mode.
    /// </summary>
    public bool AutomaticRegistration { get; set; } = true;

    /// <summary>Most automatically registered documents kept (least recently used go first).</summary>
    public int AutomaticCapacity { get; set; } = 1_000;

    /// <summary>Longest document text registered automatically.</summary>
    public int AutomaticMaxLength { get; set; } = 20_000;
}
