namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// An audit entry committing while its response is serialised. A writer that puts one in the request's user context
/// (<see cref="Key"/>) promises to await <see cref="CommittedAsync"/> before the first byte of the response leaves and
/// to withhold the data when it returns false (<see cref="RequestRuntime.Withhold"/>); <see cref="AuditListener"/> then
/// starts the INSERT without awaiting it. Without one (downloads, direct execution), the listener awaits the commit
/// itself. Either way no answer with names leaves the server before its entry is committed.
/// </summary>
public sealed class PendingAudit
{
    public const string Key = "PovertyGraph.PendingAudit";

    private Task? _commit;

    /// <summary>Whether an entry is being written (or was).</summary>
    public bool Started => _commit != null;

    /// <summary>The failure of the write, once <see cref="CommittedAsync"/> has returned false.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>
    /// Runs <paramref name="write"/> on the thread pool: SQLite's "async" commands complete synchronously, and the
    /// commit's wait for the disk is what should overlap the serialisation.
    /// </summary>
    internal void Start(Func<Task> write) => _commit = Task.Run(write);

    /// <summary>True when no entry was started or it is committed; false when writing it failed.</summary>
    public async Task<bool> CommittedAsync()
    {
        if (_commit == null) return true;
        try
        {
            await _commit;
            return true;
        }
        catch (Exception ex)
        {
            Failure = ex;
            return false;
        }
    }
}
