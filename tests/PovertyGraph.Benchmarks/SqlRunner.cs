namespace PovertyGraph.Benchmarks;

/// <summary>Runs statements on a pooled connection of its own and materialises every row (as EF's projections do: object?[]).</summary>
internal static class SqlRunner
{
    public static List<List<object?[]>> Run(BenchDatabase database, IReadOnlyList<SqlStatement> statements)
    {
        using var connection = database.Open();
        var results = new List<List<object?[]>>(statements.Count);
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement.Text;
            foreach (var (name, value) in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
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
