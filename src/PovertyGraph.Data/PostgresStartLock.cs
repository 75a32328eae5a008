using Npgsql;

namespace PovertyGraph.Data;

/// <summary>
/// A session-level advisory lock on the PostgreSQL primary, held while a server migrates and builds the database, so
/// that servers starting together (replicas of a deployment) do it one after the other: EF's migrator alone lets two
/// of them apply the same migration. Held on a connection of its own; released when disposed, or by PostgreSQL when
/// the process dies and the connection drops.
/// </summary>
public sealed class PostgresStartLock : IDisposable
{
    // Any number every server of this application uses ("PovertyG" in ASCII).
    private const long Key = 5795981423533128007;

    private readonly NpgsqlConnection _connection;

    private PostgresStartLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Waits for the lock (as long as another server takes to build) and holds it.</summary>
    public static PostgresStartLock Take(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 0 };
        take.ExecuteNonQuery();
        return new PostgresStartLock(connection);
    }

    public void Dispose() => _connection.Dispose(); // closing the session releases its advisory locks
}
