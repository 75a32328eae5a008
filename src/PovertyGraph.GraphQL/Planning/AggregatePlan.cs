using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// An aggregate (no dimensions: one cell) or a grouping of a connection's rows, as the caller may see it: which
/// functions, whether the cells are protected statistics (then the records' keys are summed with them), how many
/// groups and whether groups with null keys are kept.
/// </summary>
public sealed record AggregatePlan(IReadOnlyList<Dimension> Dimensions, AggregateRequest Request, bool IncludeNullKeys, int? First,
    bool Protected, IReadOnlyList<bool> HiddenKeys)
{
    /// <summary>The count of every row the filter matched, exact (a nested totalCount).</summary>
    public static readonly AggregatePlan ExactCount = new([], AggregateRequest.CountOnly, true, null, false, []);

    /// <summary>Canonical text of what decides the statement.</summary>
    public string Shape => $"{string.Join(',', Dimensions.Select(d => d.Name))}|{string.Join(',', Request.Values.Order())}|{IncludeNullKeys}|{First != null}|{Protected}";
}
