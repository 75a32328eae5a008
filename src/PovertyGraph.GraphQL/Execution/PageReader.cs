using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>Turns the rows a page statement returned (one more than the page, to tell whether another follows) into a page.</summary>
public static class PageReader
{
    public static Page Read(QueryRuntime runtime, ConnectionPlan plan, ProjectionPlan projection, List<object?[]> values, int? totalSlot = null)
    {
        runtime.Charge(values.Count * (1 + projection.RelatedRowsPerRow));
        int? total = totalSlot is not { } slot ? null
            : values.Count > 0 ? Convert.ToInt32(values[0][slot], System.Globalization.CultureInfo.InvariantCulture)
            : !plan.HasCursor ? 0 // nothing matched at all
            : null; // an empty page past a cursor says nothing about the total
        var more = values.Count > plan.Size;
        if (more) values.RemoveAt(values.Count - 1);
        if (plan.Backward) values.Reverse();
        var rows = values.Select(v => new EntityRow(projection, v)).ToList();
        var keys = plan.Order;
        var cursors = new LazyCursors(rows.Count, index => runtime.Cursors.Encode(keys, keys.Select((_, i) => rows[index].Extra(i)).ToList()));
        return new Page(rows, cursors,
            HasNextPage: plan.Backward ? plan.Before != null : more,
            HasPreviousPage: plan.Backward ? more : plan.After != null) { TotalCount = total };
    }
}
