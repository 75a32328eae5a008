namespace PovertyGraph.Server.Downloads;

/// <summary>
/// What a download does as it streams, for metrics and tests: each time a batch goes to the client, how many rows the
/// download has read from the database so far and how many it held in memory (read, not yet sent) just before.
/// </summary>
public sealed class DownloadEvents
{
    public event Action<HttpContext, long, int>? BatchSent;

    public event Action<HttpContext, long>? RowRead;

    internal void OnBatchSent(HttpContext context, long rowsRead, int rowsHeld) => BatchSent?.Invoke(context, rowsRead, rowsHeld);

    internal void OnRowRead(HttpContext context, long rowsRead) => RowRead?.Invoke(context, rowsRead);
}
