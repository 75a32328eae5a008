namespace PovertyGraph.GraphQL.Execution;

/// <summary>One page of a connection.</summary>
public sealed record Page(IReadOnlyList<EntityRow> Rows, IReadOnlyList<string> Cursors, bool HasNextPage, bool HasPreviousPage)
{
    /// <summary>Rows the filter matched in all, when the page's statement counted them (a root page asked with totalCount).</summary>
    public int? TotalCount { get; init; }

    public static readonly Page Empty = new([], [], false, false);
}
