using PovertyGraph.GraphQL.Cost;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// What a download costs, from its plan, before anything runs: every row the table has (the worst case its filter
/// allows, as <c>totalCount</c> is costed) times one plus the related rows joined to each, per
/// <see cref="DownloadOptions.RowsPerPoint"/>. Judged against the caller's budget (Cost:Budgets), as a GraphQL operation is.
/// </summary>
public static class DownloadCost
{
    public static long Of(ConnectionPlan plan, TableStatistics statistics, DownloadOptions options)
    {
        var rows = statistics.Rows(plan.Type);
        var perRow = 1 + Joined(plan.Rows!);
        return Math.Max(1, (long)Math.Ceiling((double)rows * perRow / options.RowsPerPoint));
    }

    /// <summary>Related rows joined to each row (county { prefecture { name } } is two).</summary>
    private static int Joined(RowSelection rows) => rows.Related.Sum(r => 1 + Joined(r.Rows));
}
