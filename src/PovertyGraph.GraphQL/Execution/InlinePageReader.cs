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
    public Page Read(QueryRuntime runtime, ConnectionPlan plan, EntityRow parent)
    {
        if (plan.Size == 0) return Page.Empty;
        var rows = new List<object?[]>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes((string)parent.Extra(slot)!));
        Expect(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var values = new object?[types.Length];
            for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++) values[i] = Convert(ref reader, types[i]);
            rows.Add(values);
        }
        return PageReader.Read(runtime, plan, projection, rows);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type) throw new InvalidOperationException($"a nested page's JSON: expected {type}");
    }

    /// <summary>The current JSON value as the CLR type the column has (JSON numbers for enums and SQLite's 0/1 booleans).</summary>
    private static object? Convert(ref Utf8JsonReader value, Type type)
    {
        if (value.TokenType == JsonTokenType.Null) return null;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return value.GetString();
        if (t == typeof(bool)) return value.TokenType == JsonTokenType.Number ? value.GetInt32() != 0 : value.GetBoolean();
        if (t.IsEnum) return Enum.ToObject(t, value.GetInt32());
        if (t == typeof(int)) return value.GetInt32();
        if (t == typeof(long)) return value.GetInt64();
        if (t == typeof(double)) return value.GetDouble();
        if (t == typeof(DateOnly)) return DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture);
        if (t == typeof(DateTimeOffset)) return DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"a nested page column of type {t.Name}");
    }
}
