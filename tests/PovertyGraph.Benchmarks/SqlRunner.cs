using Microsoft.Data.Sqlite;

namespace PovertyGraph.Benchmarks;

/// <summary>Runs statements on a pooled connection of its own and materialises every row (as EF's projections do: object?[]).</summary>
internal static class SqlRunner
{
    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();

    public static List<List<object?[]>> Run(string connectionString, IReadOnlyList<SqlStatement> statements)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var results = new List<List<object?[]>>(statements.Count);
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement.Text;
            foreach (var (name, value) in statement.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                rows.Add(values);
            }
            results.Add(rows);
        }
        return results;
    }
}
