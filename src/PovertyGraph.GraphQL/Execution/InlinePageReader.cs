using System.Globalization;
using System.Text.Json;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>Reads one nested page from the JSON column its parent row carries: the rows, as the child projection lays them out.</summary>
public sealed class InlinePageReader(ProjectionPlan projection, Type[] types, int slot)
{
    public Page Read(QueryRuntime runtime, ConnectionPlan plan, EntityRow parent)
    {
        if (plan.Size == 0) return Page.Empty;
        var rows = new List<object?[]>();
        using (var json = JsonDocument.Parse((string)parent.Extra(slot)!))
            foreach (var element in json.RootElement.EnumerateArray())
            {
                var values = new object?[types.Length];
                var i = 0;
                foreach (var value in element.EnumerateArray()) values[i] = Convert(value, types[i++]);
                rows.Add(values);
            }
        return PageReader.Read(runtime, plan, projection, rows);
    }

    /// <summary>A JSON value as the CLR type the column has (JSON numbers for enums and SQLite's 0/1 booleans).</summary>
    private static object? Convert(JsonElement value, Type type)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return value.GetString();
        if (t == typeof(bool)) return value.ValueKind == JsonValueKind.Number ? value.GetInt32() != 0 : value.GetBoolean();
        if (t.IsEnum) return Enum.ToObject(t, value.GetInt32());
        if (t == typeof(int)) return value.GetInt32();
        if (t == typeof(long)) return value.GetInt64();
        if (t == typeof(double)) return value.GetDouble();
        if (t == typeof(DateOnly)) return DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture);
        if (t == typeof(DateTimeOffset)) return DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"a nested page column of type {t.Name}");
    }
}
