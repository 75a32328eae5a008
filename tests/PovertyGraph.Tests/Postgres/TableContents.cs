using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PovertyGraph.Tests.Postgres;

/// <summary>
/// A hash of every row of every table that comes out the same on SQLite and PostgreSQL when the rows are the same.
/// Tables, columns and keys come from the EF model; each value is normalised by the type the model stores
/// (integers, enums and flags as integers, decimals without trailing zeros, dates as yyyy-MM-dd, text as is),
/// because the providers return them as different CLR types (SQLite: long, string; PostgreSQL: int, bool, DateOnly).
/// </summary>
public static class TableContents
{
    public static SortedDictionary<string, string> Checksums(DbConnection connection, DbContext model, params string[] excludedTables)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in model.Model.GetEntityTypes().Where(e => e.GetTableName() != null))
        {
            var table = entity.GetTableName()!;
            if (excludedTables.Contains(table)) continue;
            var properties = entity.GetProperties().ToList();
            var key = entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\"");
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT {string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))} FROM \"{table}\" ORDER BY {string.Join(", ", key)}";
            using var reader = cmd.ExecuteReader();
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            var text = new StringBuilder();
            while (reader.Read())
            {
                text.Clear();
                for (var i = 0; i < properties.Count; i++)
                    text.Append(Normalise(reader.IsDBNull(i) ? null : reader.GetValue(i), StoredType(properties[i]))).Append('\u001f');
                sha.AppendData(Encoding.UTF8.GetBytes(text.Append('\u001e').ToString()));
                rows++;
            }
            result[table] = $"{rows} rows {Convert.ToHexStringLower(sha.GetHashAndReset())}";
        }
        return result;
    }

    private static Type StoredType(Microsoft.EntityFrameworkCore.Metadata.IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? typeof(int) : type;
    }

    private static string Normalise(object? value, Type stored) => value switch
    {
        null => "N",
        _ when stored == typeof(bool) => "I" + (Convert.ToBoolean(value, CultureInfo.InvariantCulture) ? 1 : 0),
        _ when stored == typeof(int) || stored == typeof(long) || stored == typeof(short) => "I" + Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ when stored == typeof(decimal) => "D" + (Convert.ToDecimal(value, CultureInfo.InvariantCulture) / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        _ when stored == typeof(double) => "R" + Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => "T" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when stored == typeof(DateOnly) => "T" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => "T" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
