namespace PovertyGraph.Data;

public static class DatasetInfoQueries
{
    /// <summary>The dataset's one row, asked for in a fixed order (EF warns about First without OrderBy otherwise).</summary>
    public static IQueryable<DatasetInfo> Current(this IQueryable<DatasetInfo> rows) => rows.OrderBy(d => d.Id);
}
