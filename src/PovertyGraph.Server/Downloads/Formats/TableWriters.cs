namespace PovertyGraph.Server.Downloads.Formats;

/// <summary>The writer of each download format.</summary>
public static class TableWriters
{
    public static ITableWriter Create(DownloadFormat format, Stream output, IReadOnlyList<TableColumn> columns, int batchRows, bool byteOrderMark,
        IReadOnlyDictionary<string, string> metadata) => format switch
    {
        DownloadFormat.Csv => new CsvTableWriter(output, columns, byteOrderMark),
        DownloadFormat.JsonLines => new JsonLinesTableWriter(output, columns),
        _ => new ParquetTableWriter(output, columns, batchRows, metadata),
    };
}
