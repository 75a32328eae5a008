namespace PovertyGraph.Server.Documents;

/// <summary>Who may run documents that are not registered.</summary>
public enum PersistedDocumentMode
{
    /// <summary>Anyone may send any document; registered ones may also be named by their ID.</summary>
    Open,
    /// <summary>PUBLIC callers (no token) may run only the registered documents of the folder; token holders anything.</summary>
    AllowList,
}
