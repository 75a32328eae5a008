using Parquet;
using Parquet.Schema;

namespace PovertyGraph.Tests.Publishing;

/// <summary>A downloaded Parquet file read back with Parquet.Net's reader: columns by name, rows per row group, key-value metadata.</summary>
public sealed record ParquetFile(IReadOnlyList<string> Headers, IReadOnlyList<long> RowGroups, IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyDictionary<string, IReadOnlyList<object?>> Columns)
{
    public long Rows => RowGroups.Sum();

    public static async Task<ParquetFile> ReadAsync(byte[] bytes)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
        var fields = reader.Schema.DataFields;
        var columns = fields.ToDictionary(f => f.Name, _ => new List<object?>());
        var groups = new List<long>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            groups.Add(group.RowCount);
            foreach (var field in fields) columns[field.Name].AddRange(await ReadAsync(group, field, (int)group.RowCount));
        }
        return new ParquetFile(fields.Select(f => f.Name).ToList(), groups, reader.CustomMetadata,
            columns.ToDictionary(c => c.Key, c => (IReadOnlyList<object?>)c.Value));
    }

    private static async Task<IEnumerable<object?>> ReadAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var texts = new string?[rows];
            await group.ReadAsync(field, texts.AsMemory(), null);
            return texts;
        }
        if (field.ClrType == typeof(long))
        {
            var numbers = new long?[rows];
            await group.ReadAsync(field, numbers.AsMemory(), null);
            return numbers.Cast<object?>();
        }
        if (field.ClrType == typeof(bool))
        {
            var flags = new bool?[rows];
            await group.ReadAsync(field, flags.AsMemory(), null);
            return flags.Cast<object?>();
        }
        return Enumerable.Repeat<object?>($"(not read: {field.ClrType})", rows);
    }
}
