namespace PovertyGraph.Server.Downloads;

/// <summary>The file formats downloads come in.</summary>
public enum DownloadFormat { Csv, JsonLines, Parquet }
