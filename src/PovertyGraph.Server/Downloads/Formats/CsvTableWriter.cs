using CsvHelper;

namespace PovertyGraph.Server.Downloads.Formats;

/// <summary>
/// RFC 4180 CSV through CsvHelper: UTF-8, CRLF line ends, a header row, a field quoted when it holds a comma, a quote
/// or a line break (quotes doubled). With <paramref name="byteOrderMark"/> the file starts with the UTF-8 BOM, which
/// Excel needs to read Chinese text as UTF-8. Empty fields are nulls; the CSVW metadata says what each empty means.
/// </summary>
public sealed class CsvTableWriter(Stream output, IReadOnlyList<TableColumn> columns, bool byteOrderMark) : ITableWriter
{
    private CsvWriter? _csv;

    public int RowsHeld => 0; // each row goes to the output buffer as it is written

    public Task StartAsync(CancellationToken ct)
    {
        _csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = byteOrderMark, NewLine = "\r\n" }, leaveOpen: true);
        _csv.WriteHeader(columns.Select(c => c.Name).ToArray());
        return Task.CompletedTask;
    }

    public void Write(object?[] row)
    {
        foreach (var value in row) _csv!.WriteField(CellText.Of(value));
        _csv!.EndRecord();
    }

    public async Task EndBatchAsync(CancellationToken ct) => await _csv!.FlushAsync(ct);

    public Task CompleteAsync(CancellationToken ct) => EndBatchAsync(ct);

    public ValueTask DisposeAsync() => _csv?.DisposeAsync() ?? ValueTask.CompletedTask;
}
