using System.Data.Common;
using Npgsql;

namespace PovertyGraph.Data.Bulk;

/// <summary>
/// PostgreSQL: <c>COPY … FROM STDIN (FORMAT BINARY)</c> through Npgsql's binary importer, which streams rows
/// without a statement per row. COPY runs inside the connection's open transaction, so a failed build or import
/// still rolls back whole. A large load into an empty table builds its secondary indexes and checks its foreign keys
/// after the rows are in (<see cref="PostgresDeferredIndexes"/>). Then, because COPY writes explicit IDs without
/// advancing identity sequences, each identity sequence is moved past the table's largest ID (or else the next audit
/// entry would collide), and the table is analysed so the planner has statistics at once, not after autovacuum.
/// </summary>
internal sealed class PostgresCopyLoad : IBulkLoad
{
    /// <summary>From this many rows into an empty table, indexes are built after the load rather than maintained.</summary>
    public const int DeferIndexesFrom = 10_000;

    public int Write(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object> rows)
    {
        var npgsql = (NpgsqlConnection)connection;
        var deferred = rows.TryGetNonEnumeratedCount(out var expected) && expected >= DeferIndexesFrom && IsEmpty(npgsql, table)
            ? PostgresDeferredIndexes.Drop(npgsql, table.Table)
            : null;
        var count = Copy(npgsql, table, rows);
        deferred?.Restore(npgsql);
        foreach (var column in table.Generated)
        {
            Execute(npgsql, $"SELECT setval(pg_get_serial_sequence('{table.Table}', '{column.Name.Trim('"')}'), " +
                            $"COALESCE(MAX({column.Name}), 0) + 1, false) FROM {table.Table}");
        }

        Execute(npgsql, $"ANALYZE {table.Table}");
        return count;
    }

    public Action DeferIndexes(DbConnection connection, BulkTable table)
    {
        var npgsql = (NpgsqlConnection)connection;
        var deferred = PostgresDeferredIndexes.Drop(npgsql, table.Table);
        return () => deferred.Restore(npgsql);
    }

    private static int Copy(NpgsqlConnection connection, BulkTable table, IEnumerable<object> rows)
    {
        var count = 0;
        using var importer = connection.BeginBinaryImport(
            $"COPY {table.Table} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)");
        importer.Timeout = TimeSpan.Zero; // no limit: the time a load takes grows with its rows
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var column in table.Columns)
            {
                if (column.Read(row) is { } value) importer.Write(value, column.StoreType);
                else importer.WriteNull();
            }
            count++;
        }
        importer.Complete();
        return count;
    }

    private static bool IsEmpty(NpgsqlConnection connection, BulkTable table)
    {
        using var cmd = new NpgsqlCommand($"SELECT NOT EXISTS (SELECT 1 FROM {table.Table})", connection);
        return (bool)cmd.ExecuteScalar()!;
    }

    // Commands on a connection with an open transaction run in it: Npgsql needs no Transaction property.
    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.CommandTimeout = 0; // index builds and ANALYZE take as long as the table is large
        cmd.ExecuteNonQuery();
    }
}
