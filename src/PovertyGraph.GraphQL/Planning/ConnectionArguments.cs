using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>The arguments every collection field takes.</summary>
public sealed record ConnectionArguments(
    IDictionary<string, object?>? Where, IEnumerable<object?>? Order, int? First, int? Last, string? After, string? Before)
{
    public static readonly ConnectionArguments None = new(null, null, null, null, null, null);

    /// <summary>The arguments from a field's argument values (after variables).</summary>
    public static ConnectionArguments From(IReadOnlyDictionary<string, object?>? values) => values is not { Count: > 0 } ? None : new(
        values.GetValueOrDefault("where") as IDictionary<string, object?>,
        (values.GetValueOrDefault("order") as System.Collections.IEnumerable)?.Cast<object?>().ToList(),
        values.GetValueOrDefault("first") as int?, values.GetValueOrDefault("last") as int?,
        values.GetValueOrDefault("after") as string, values.GetValueOrDefault("before") as string);

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
