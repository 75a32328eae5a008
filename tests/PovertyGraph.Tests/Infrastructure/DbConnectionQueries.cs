using System.Data.Common;
using System.Globalization;

namespace PovertyGraph.Tests.Infrastructure;

/// <summary>
/// Raw SQL on any ADO.NET connection (SQLite or PostgreSQL, see <see cref="TestDatabase.Open"/>), written
/// independently of the product's data layer. Parameters are given as (name, value) pairs and used as @name.
/// </summary>
public static class DbConnectionQueries
{
    public static long Scalar(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(connection, sql, parameters);
        var result = cmd.ExecuteScalar();
        return result is null or DBNull ? 0 : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    /// <summary>A two-column query (key, value) as a dictionary; null keys become "(null)".</summary>
    public static Dictionary<string, long> Pairs(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(connection, sql, parameters);
        using var reader = cmd.ExecuteReader();
        var result = new Dictionary<string, long>();
        while (reader.Read())
        {
            result[reader.IsDBNull(0) ? "(null)" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!] =
                reader.IsDBNull(1) ? 0 : Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>Every row, each an array of its values (null for SQL NULL).</summary>
    public static List<object?[]> Rows(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(connection, sql, parameters);
        using var reader = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            cmd.Parameters.Add(parameter);
        }
        return cmd;
    }
}
