namespace PovertyGraph.GraphQL.Machinery;

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
    /// <summary>Most root page requests kept compiled (see <see cref="PreparedPages"/>); 0 turns preparing off.</summary>
    public int PreparedPages { get; set; } = 1000;
}

/// <summary>The arguments every collection field takes.</summary>
public sealed record ConnectionArguments(
    IDictionary<string, object?>? Where, IEnumerable<object?>? Order, int? First, int? Last, string? After, string? Before)
{
    public static readonly ConnectionArguments None = new(null, null, null, null, null, null);

    /// <summary>Page size and direction, after checking the arguments against the limits.</summary>
    public (int Size, bool Backward) Window(PagingOptions options)
    {
        if (First != null && Last != null) throw QueryError.Argument("use 'first' or 'last', not both");
        var size = First ?? Last ?? options.DefaultPageSize;
        var name = Last != null ? "last" : "first";
        if (size < 0) throw QueryError.Argument($"'{name}' must not be negative");
        if (size > options.MaxPageSize)
            throw QueryError.Argument($"'{name}' is {size}, over the maximum page size of {options.MaxPageSize}; page with cursors instead");
        var backward = Last != null || (Before != null && First == null);
        return (size, backward);
    }
}

/// <summary>Cursors computed (and signed) only when a response asks for them.</summary>
public sealed class LazyCursors(int count, Func<int, string> make) : IReadOnlyList<string>
{
    private readonly string?[] _cursors = new string?[count];
    public string this[int index] => _cursors[index] ??= make(index);
    public int Count => count;
    public IEnumerator<string> GetEnumerator() { for (var i = 0; i < count; i++) yield return this[i]; }
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One page of a connection.</summary>
public sealed record Page(IReadOnlyList<EntityRow> Rows, IReadOnlyList<string> Cursors, bool HasNextPage, bool HasPreviousPage)
{
    /// <summary>Rows the filter matched in all, when the page's statement counted them (a root page asked with totalCount).</summary>
    public int? TotalCount { get; init; }

    public static readonly Page Empty = new([], [], false, false);
}
