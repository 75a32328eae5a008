namespace PovertyGraph.Server.Downloads;

/// <summary>File extensions and media types of the download formats.</summary>
public static class DownloadFormats
{
    public static DownloadFormat? Parse(string? extension) => extension switch
    {
        "csv" => DownloadFormat.Csv,
        "jsonl" => DownloadFormat.JsonLines,
        "parquet" => DownloadFormat.Parquet,
        _ => null,
    };

    public static string Extension(DownloadFormat format) => format switch
    {
        DownloadFormat.Csv => "csv",
        DownloadFormat.JsonLines => "jsonl",
        _ => "parquet",
    };

    /// <summary>text/csv with RFC 4180's header parameter; JSON Lines' application/jsonl; Parquet's IANA type.</summary>
    public static string MediaType(DownloadFormat format) => format switch
    {
        DownloadFormat.Csv => "text/csv; charset=utf-8; header=present",
        DownloadFormat.JsonLines => "application/jsonl; charset=utf-8",
        _ => "application/vnd.apache.parquet",
    };

    public static IEnumerable<DownloadFormat> All => [DownloadFormat.Csv, DownloadFormat.JsonLines, DownloadFormat.Parquet];
}
