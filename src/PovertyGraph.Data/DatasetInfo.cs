namespace PovertyGraph.Data;

/// <summary>One row describing how the database was built (read by the API's `dataset` field).</summary>
public class DatasetInfo
{
    public int Id { get; set; }
    public string Version { get; set; } = "";
    public string Profile { get; set; } = "";
    public DateTimeOffset BuiltAt { get; set; }
    public int GeneratorSeed { get; set; }
    /// <summary>SHA-256 over the seed-data CSV files the build imported.</summary>
    public string SeedChecksum { get; set; } = "";
    public double BuildSeconds { get; set; }
}
