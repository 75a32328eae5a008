namespace PovertyGraph.Server.Downloads.Formats;

/// <summary>
/// Writes a table in one file format to a <see cref="BatchOutput"/>, a row at a time. Values come in column order,
/// of the CLR type their <see cref="ColumnType"/> names, or null (written as the format's empty value).
/// </summary>
public interface ITableWriter : IAsyncDisposable
{
    /// <summary>Starts the file (a header row, a byte-order mark); called once, before the first row.</summary>
    Task StartAsync(CancellationToken ct);

    void Write(object?[] row);

    /// <summary>Everything written so far reaches the output (a Parquet row group is written here).</summary>
    Task EndBatchAsync(CancellationToken ct);

    /// <summary>Ends the file (Parquet's footer); called once, after the last batch.</summary>
    Task CompleteAsync(CancellationToken ct);

    /// <summary>Rows this writer holds in memory that have not reached the output yet.</summary>
    int RowsHeld { get; }
}
