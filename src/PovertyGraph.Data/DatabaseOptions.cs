using System.Data.Common;

namespace PovertyGraph.Data;

/// <summary>Auto: PostgreSQL when the connection string names a host, SQLite otherwise.</summary>
public enum DatabaseProvider { Auto, Sqlite, Postgres }

/// <summary>Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>As configured; Auto (the default) lets <see cref="EffectiveProvider"/> read it from the connection string.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Auto;

    /// <summary>
    /// The provider configured, or, when none is (Auto), the one the connection string's form names: a string with a
    /// <c>Host</c> (or <c>Server</c>) key is PostgreSQL's, so one environment variable is enough to run on it.
    /// </summary>
    public DatabaseProvider EffectiveProvider => Provider == DatabaseProvider.Auto ? Infer(ConnectionString) : Provider;

    /// <summary>For SQLite, a file path is enough: "Data Source=..." is added when missing.</summary>
    public string ConnectionString { get; set; } = "data/povertygraph.db";
    /// <summary>Folder of seed CSVs imported when the database is first created.</summary>
    public string SeedDataPath { get; set; } = "seed-data";
    /// <summary>
    /// Synthetic data profile built on first run: "province" (full scale), "jiaohe" (small, for tests) or
    /// "national-sample" (the province and synthetic replicas of it, <see cref="ScaleFactor"/> times its size in all).
    /// </summary>
    public string Profile { get; set; } = "province";
    public int GeneratorSeed { get; set; } = 20151231;

    /// <summary>
    /// How many times the profile's size the built dataset is: 1 for "province" and "jiaohe" unless set, 10 for
    /// "national-sample" unless set; from 1 to <see cref="Generation.DatasetProfile.MaxScale"/>, fractions allowed
    /// (<see cref="Generation.ProvinceReplicas"/>).
    /// </summary>
    public double? ScaleFactor { get; set; }

    /// <summary>
    /// PostgreSQL streaming replicas that serve reads (connection strings; only their Host and Port are used, every other
    /// setting is the primary's). Writes (migrations, build, import, audit entries) always go to
    /// <see cref="ConnectionString"/>, the primary. See <see cref="ReadReplicaDataSource"/>.
    /// </summary>
    public List<string> ReadReplicas { get; set; } = [];

    public static DatabaseProvider Infer(string connectionString)
    {
        if (!connectionString.Contains('=')) return DatabaseProvider.Sqlite; // a file path
        var builder = new DbConnectionStringBuilder();
        try { builder.ConnectionString = connectionString; }
        catch (ArgumentException) { return DatabaseProvider.Sqlite; } // not key=value pairs: a path with '=' in it
        return builder.ContainsKey("Host") || builder.ContainsKey("Server") ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
    }
}
