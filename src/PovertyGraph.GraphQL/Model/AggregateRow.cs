namespace PovertyGraph.GraphQL.Model;

/// <summary>
/// One aggregate cell as SQL returns it. Slots are filled only for the functions the query asked for:
/// for numeric field n, sum is L[3n], min L[3n+1], max L[3n+2], average D[n].
/// </summary>
public sealed class AggregateRow
{
    public GroupKey? Key { get; set; }
    public int Count { get; set; }
    /// <summary>Sum of the records' cell keys, for statistics protection.</summary>
    public long? CellKeySum { get; set; }
    public long? L0 { get; set; } public long? L1 { get; set; } public long? L2 { get; set; } public long? L3 { get; set; }
    public long? L4 { get; set; } public long? L5 { get; set; } public long? L6 { get; set; } public long? L7 { get; set; }
    public long? L8 { get; set; } public long? L9 { get; set; } public long? L10 { get; set; } public long? L11 { get; set; }
    public long? L12 { get; set; } public long? L13 { get; set; } public long? L14 { get; set; } public long? L15 { get; set; }
    public long? L16 { get; set; } public long? L17 { get; set; } public long? L18 { get; set; } public long? L19 { get; set; }
    public long? L20 { get; set; } public long? L21 { get; set; } public long? L22 { get; set; } public long? L23 { get; set; }
    public double? D0 { get; set; } public double? D1 { get; set; } public double? D2 { get; set; } public double? D3 { get; set; }
    public double? D4 { get; set; } public double? D5 { get; set; } public double? D6 { get; set; } public double? D7 { get; set; }

    public const int MaxNumericFields = 8;
    private static readonly System.Reflection.PropertyInfo[] Longs = Enumerable.Range(0, 24).Select(i => typeof(AggregateRow).GetProperty("L" + i)!).ToArray();
    private static readonly System.Reflection.PropertyInfo[] Doubles = Enumerable.Range(0, 8).Select(i => typeof(AggregateRow).GetProperty("D" + i)!).ToArray();

    public static System.Reflection.PropertyInfo Slot(AggregateFunction function, int field) => function switch
    {
        AggregateFunction.Avg => Doubles[field],
        AggregateFunction.Sum => Longs[3 * field],
        AggregateFunction.Min => Longs[3 * field + 1],
        _ => Longs[3 * field + 2],
    };

    public object? Get(AggregateFunction function, int field) => Slot(function, field).GetValue(this);
    public void Set(AggregateFunction function, int field, object? value) => Slot(function, field).SetValue(this, value);
}
