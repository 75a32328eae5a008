using System.Data.Common;

namespace PovertyGraph.Data.Bulk;

/// <summary>
/// SQLite: one prepared INSERT per table, executed once per row. Inside one transaction this is SQLite's fastest
/// path (it has no COPY), and the statement is compiled once.
/// </summary>
internal sealed class SqliteInsertLoad : IBulkLoad
{
    public int Write(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object> rows)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"INSERT INTO {table.Table} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
                          $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
        var parameters = table.Columns.Select((_, i) =>
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = "@p" + i;
            cmd.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        cmd.Prepare();
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = table.Columns[i].Read(row) ?? DBNull.Value;
            cmd.ExecuteNonQuery();
            count++;
        }
        return count;
    }

    /// <summary>Nothing: SQLite builds are small enough (and its indexes cheap enough) as they are.</summary>
    public Action DeferIndexes(DbConnection connection, BulkTable table) => () => { };
}
