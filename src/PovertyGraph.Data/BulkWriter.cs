using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PovertyGraph.Data;

/// <summary>
/// Inserts entities with one prepared INSERT per table, reading table and column names and value
/// converters from the EF model. Used by the importer and the generator: EF's change tracker is far
/// too slow for a million rows, and this stays provider-neutral.
/// </summary>
public sealed class BulkWriter(DbContext context, DbTransaction transaction)
{
    private readonly DbConnection _connection = context.Database.GetDbConnection();

    public int Insert<T>(IEnumerable<T> rows) where T : class
    {
        var entityType = context.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.PropertyInfo != null && p.GetColumnName(table) != null).ToArray();
        var sql = context.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        var parameters = properties.Select((p, i) =>
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = "@p" + i;
            cmd.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        var getters = properties.Select(p =>
        {
            var converter = p.GetTypeMapping().Converter;
            var info = p.PropertyInfo!;
            return (Func<object, object?>)(row =>
            {
                var value = info.GetValue(row);
                if (value == null) return null;
                if (converter != null) return converter.ConvertToProvider(value);
                return value.GetType().IsEnum ? Convert.ToInt32(value) : value;
            });
        }).ToArray();
        cmd.Prepare();
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < getters.Length; i++)
                parameters[i].Value = getters[i](row) ?? DBNull.Value;
            cmd.ExecuteNonQuery();
            count++;
        }
        return count;
    }
}
