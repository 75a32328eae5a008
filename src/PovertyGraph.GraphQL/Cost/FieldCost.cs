namespace PovertyGraph.GraphQL.Cost;

/// <summary>What one occurrence of a field costs.</summary>
/// <param name="Points">Cost points of the field itself: a returned row is one point, a scan of many rows a point per
/// <see cref="CostOptions.RowsPerScanPoint"/> rows.</param>
/// <param name="ChildMultiplier">How many times the field's selection runs per occurrence (a page's rows, a grouping's groups).</param>
/// <param name="Scope">Handed to the field's children (the connection a <c>nodes</c> or <c>aggregates</c> belongs to); compared by value.</param>
public readonly record struct FieldCost(double Points, double ChildMultiplier = 1, object? Scope = null)
{
    public static readonly FieldCost Free = new(0);
}
