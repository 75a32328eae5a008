using Npgsql;

namespace PovertyGraph.Data.Bulk;

/// <summary>
/// Secondary indexes and foreign keys of one PostgreSQL table, taken off before a large load into the empty table
/// and put back after it, in the same transaction. Maintaining a dozen indexes and checking every foreign key row by
/// row makes a COPY into the households table about six times slower than building the indexes afterwards and
/// validating each foreign key with one query. The definitions are read from the catalogue
/// (<c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>), so what is restored is exactly what the migrations made,
/// and a row that breaks a foreign key still fails the whole transaction when the key is added back.
/// </summary>
internal sealed class PostgresDeferredIndexes
{
    private readonly List<string> _restore = [];

    private PostgresDeferredIndexes() { }

    /// <summary>Drops the table's foreign keys and its indexes other than those of the primary key and constraints.</summary>
    public static PostgresDeferredIndexes Drop(NpgsqlConnection connection, string table)
    {
        var deferred = new PostgresDeferredIndexes();
        var drops = new List<string>();
        foreach (var (name, definition) in Read(connection, table,
                     "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = @table::regclass AND contype = 'f'"))
        {
            drops.Add($"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}");
            deferred._restore.Add($"ALTER TABLE {table} ADD CONSTRAINT {Quote(name)} {definition}");
        }
        foreach (var (name, definition) in Read(connection, table, """
                     SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
                     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE i.indrelid = @table::regclass AND NOT i.indisprimary
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
                     """))
        {
            drops.Add($"DROP INDEX {name}");
            deferred._restore.Insert(0, definition); // indexes first: validating the foreign keys may use them
        }
        foreach (var sql in drops) Execute(connection, sql);
        return deferred;
    }

    /// <summary>Builds the indexes again and adds the foreign keys back, each validated over every row.</summary>
    public void Restore(NpgsqlConnection connection)
    {
        foreach (var sql in _restore) Execute(connection, sql);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static List<(string Name, string Definition)> Read(NpgsqlConnection connection, string table, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("table", table);
        using var reader = cmd.ExecuteReader();
        var result = new List<(string, string)>();
        while (reader.Read()) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.CommandTimeout = 0; // building an index takes as long as the table is large
        cmd.ExecuteNonQuery();
    }
}
