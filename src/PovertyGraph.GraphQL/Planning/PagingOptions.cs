namespace PovertyGraph.GraphQL.Planning;

/// <summary>Bound from the "Paging" configuration section.</summary>
public sealed class PagingOptions
{
    public const string Section = "Paging";
    public int DefaultPageSize { get; set; } = 50;
    public int MaxPageSize { get; set; } = 500;
    /// <summary>Largest number of groups groupedAggregates returns without an explicit first.</summary>
    public int MaxGroups { get; set; } = 5000;
    /// <summary>Most rows (page rows, loaded objects, groups) one request may materialise; bounds nested fan-out.</summary>
    public int MaxRowsPerRequest { get; set; } = 100_000;
    /// <summary>Deepest selection a query may have.</summary>
    public int MaxDepth { get; set; } = 25;
    /// <summary>HMAC key for cursors; any stable secret (cursors stay valid while it does not change).</summary>
    public string CursorKey { get; set; } = "povertygraph-development-cursor-key";
    /// <summary>Most query shapes kept compiled (see Execution/CompiledPlans.cs); 0 turns compiling off.</summary>
    public int CompiledPlans { get; set; } = 1000;
    /// <summary>Operations whose plans and cost are kept, by document, kind of caller and variables (Cost/PlannedOperations.cs); 0: none.</summary>
    public int PlannedOperations { get; set; } = 500;
    /// <summary>Nested pages of a root page's rows are fetched in the root page's statement (JSON); false: batched per level.</summary>
    public bool InlineNestedPages { get; set; } = true;
}
