using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using PovertyGraph.Data;

namespace PovertyGraph.Benchmarks;

/// <summary>
/// The database the benchmark runs on: the province SQLite file (default), or a PostgreSQL database given with
/// <c>--postgres</c> (built on the server's first start when empty). Hand-written SQL reads it through
/// <see cref="Open"/>; it is written so that both accept it (quoted identifiers, @parameters, TRUE/FALSE).
/// </summary>
internal sealed class BenchDatabase(DatabaseProvider provider, string connectionString)
{
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>What the server takes as <c>Database:ConnectionString</c>.</summary>
    public string ConnectionString { get; } = connectionString;

    private string ReadConnectionString => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder { DataSource = ConnectionString, Mode = SqliteOpenMode.ReadOnly, Cache = SqliteCacheMode.Private, Pooling = true }.ToString()
        : ConnectionString;

    /// <summary>A pooled connection for reading (read-only on SQLite).</summary>
    public DbConnection Open()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ReadConnectionString) : new NpgsqlConnection(ReadConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Whether the dataset is already built (so this run reuses it).</summary>
    public bool Built()
    {
        if (Provider == DatabaseProvider.Sqlite && !File.Exists(ConnectionString)) return false;
        try
        {
            using var db = Open();
            return Convert.ToInt64(Scalar(db, "SELECT COUNT(*) FROM \"DatasetInfo\""), CultureInfo.InvariantCulture) > 0;
        }
        catch (DbException) { return false; }
    }

    /// <summary>Where the data is and what engine holds it, for the report.</summary>
    public string Describe(DbConnection db)
    {
        if (Provider == DatabaseProvider.Sqlite)
            return $"file {new FileInfo(ConnectionString).Length / 1048576.0:F0} MiB; SQLite {Scalar(db, "SELECT sqlite_version()")}";
        var size = Convert.ToInt64(Scalar(db, "SELECT pg_database_size(current_database())"), CultureInfo.InvariantCulture);
        return $"database {size / 1048576.0:F0} MiB; {Scalar(db, "SHOW server_version")} (PostgreSQL)";
    }

    public string Name => Provider == DatabaseProvider.Sqlite ? ConnectionString : new NpgsqlConnectionStringBuilder(ConnectionString) is var b
        ? $"PostgreSQL {b.Host}:{b.Port}/{b.Database}" : "";

    public static object? Scalar(DbConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
