using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PovertyGraph.Data.Bulk;

/// <summary>
/// What a bulk load needs to know about one entity's table, read from the EF model: the table, its columns in
/// order, each column's store type, how to read a column's provider value from an entity (value converters
/// applied, enums as integers) and which columns the database generates (identity).
/// </summary>
internal sealed class BulkTable
{
    private BulkTable(string table, IReadOnlyList<BulkColumn> columns)
    {
        Table = table;
        Columns = columns;
    }

    /// <summary>The delimited (schema-qualified where needed) table name.</summary>
    public string Table { get; }

    public IReadOnlyList<BulkColumn> Columns { get; }

    /// <summary>Columns whose values a database sequence generates when a row omits them (identity columns).</summary>
    public IEnumerable<BulkColumn> Generated => Columns.Where(c => c.Generated);

    public static BulkTable For<T>(DbContext context) where T : class
    {
        var entityType = context.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Where(p => p.PropertyInfo != null && p.GetColumnName(table) != null)
            .Select(p => new BulkColumn(
                sql.DelimitIdentifier(p.GetColumnName(table)!),
                p.GetRelationalTypeMapping().StoreTypeNameBase,
                p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey(),
                Getter(p)))
            .ToList();
        return new BulkTable(sql.DelimitIdentifier(table.Name, table.Schema), columns);
    }

    private static Func<object, object?> Getter(IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        var info = property.PropertyInfo!;
        return row =>
        {
            var value = info.GetValue(row);
            if (value == null) return null;
            if (converter != null) return converter.ConvertToProvider(value);
            return value.GetType().IsEnum ? Convert.ToInt32(value) : value;
        };
    }
}

