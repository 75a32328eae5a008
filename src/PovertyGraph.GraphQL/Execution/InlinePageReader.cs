using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Reads one nested page from the JSON column its parent row carries (an array of rows, each an array of values, as
/// the child projection lays them out), with a forward-only reader: no document is built for the hundreds of small
/// arrays a page of parents carries.
/// </summary>
public sealed class InlinePageReader(ProjectionPlan projection, Type[] types, int slot)
{
    /// <summary>How each column is read, decided once per plan rather than per value (the reflection showed in profiles).</summary>
    private readonly ColumnKind[] _kinds = types.Select(KindOf).ToArray();

    private readonly Type[] _enums = types.Select(t => Nullable.GetUnderlyingType(t) ?? t).ToArray();

    public Page Read(QueryRuntime runtime, ConnectionPlan plan, EntityRow parent)
    {
        if (plan.Size == 0) return Page.Empty;
        var rows = new List<object?[]>(plan.Size + 1);
        var json = (string)parent.Extra(slot)!;
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var reader = new Utf8JsonReader(rented.AsSpan(0, Encoding.UTF8.GetBytes(json, rented)));
            Expect(ref reader, JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                var values = new object?[types.Length];
                for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++) values[i] = Convert(ref reader, _kinds[i], _enums[i]);
                rows.Add(values);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        return PageReader.Read(runtime, plan, projection, rows);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type) throw new InvalidOperationException($"a nested page's JSON: expected {type}");
    }

    private enum ColumnKind { String, Boolean, Enum, Int32, Int64, Double, Date, Timestamp, Unsupported }

    private static ColumnKind KindOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return ColumnKind.String;
        if (t == typeof(bool)) return ColumnKind.Boolean;
        if (t.IsEnum) return ColumnKind.Enum;
        if (t == typeof(int)) return ColumnKind.Int32;
        if (t == typeof(long)) return ColumnKind.Int64;
        if (t == typeof(double)) return ColumnKind.Double;
        if (t == typeof(DateOnly)) return ColumnKind.Date;
        if (t == typeof(DateTimeOffset)) return ColumnKind.Timestamp;
        return ColumnKind.Unsupported; // refused when a value of it is read
    }

    /// <summary>The current JSON value as the CLR type the column has (JSON numbers for enums and SQLite's 0/1 booleans).</summary>
    private static object? Convert(ref Utf8JsonReader value, ColumnKind kind, Type type)
    {
        if (value.TokenType == JsonTokenType.Null) return null;
        return kind switch
        {
            ColumnKind.String => value.GetString(),
            ColumnKind.Boolean => value.TokenType == JsonTokenType.Number ? value.GetInt32() != 0 : value.GetBoolean(),
            ColumnKind.Enum => Enum.ToObject(type, value.GetInt32()),
            ColumnKind.Int32 => value.GetInt32(),
            ColumnKind.Int64 => value.GetInt64(),
            ColumnKind.Double => value.GetDouble(),
            ColumnKind.Date => DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture),
            ColumnKind.Timestamp => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"a nested page column of type {type.Name}"),
        };
    }
}
