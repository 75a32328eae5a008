namespace PovertyGraph.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>For SQLite, a file path is enough: "Data Source=..." is added when missing.</summary>
    public string ConnectionString { get; set; } = "data/povertygraph.db";
    /// <summary>Folder of seed CSVs imported when the database is first created.</summary>
    public string SeedDataPath { get; set; } = "seed-data";
    /// <summary>Synthetic data profile built on first run: "province" (full scale) or "jiaohe" (small, for tests).</summary>
    public string Profile { get; set; } = "province";
    public int GeneratorSeed { get; set; } = 20151231;
}
