using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Machinery.GraphTypes;

/// <summary>Types every connection shares.</summary>
public static class SharedTypes
{
    public const string PageInfo = "PageInfo";
    public const string SortEnum = "SortEnumType";
    public const string Node = "Node";

    public static ObjectGraphType CreatePageInfo()
    {
        var type = new ObjectGraphType { Name = PageInfo, Description = "Position of a page in a connection (Relay cursor connections)." };
        type.Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether more rows follow this page.")
            .Resolve(c => ((Page)c.Source!).HasNextPage);
        type.Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Whether rows precede this page (when paging backward; when paging forward, whether an `after` cursor was given).")
            .Resolve(c => ((Page)c.Source!).HasPreviousPage);
        type.Field<StringGraphType>("startCursor").Description("Cursor of the first row of the page, or null for an empty page.")
            .Resolve(c => ((Page)c.Source!).Cursors is { Count: > 0 } cursors ? cursors[0] : null);
        type.Field<StringGraphType>("endCursor").Description("Cursor of the last row of the page, or null for an empty page.")
            .Resolve(c => ((Page)c.Source!).Cursors is { Count: > 0 } cursors ? cursors[^1] : null);
        return type;
    }

    public static EnumerationGraphType CreateSortEnum()
    {
        var type = new EnumerationGraphType { Name = SortEnum, Description = "Sort direction." };
        type.Add(new EnumValueDefinition("ASC", "ASC") { Description = "Ascending; nulls last." });
        type.Add(new EnumValueDefinition("DESC", "DESC") { Description = "Descending; nulls first." });
        return type;
    }

    public static InterfaceGraphType CreateNode()
    {
        var type = new InterfaceGraphType { Name = Node, Description = "An object with a global ID, fetchable with `node(id:)`." };
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID: opaque, stable, unique across all types.");
        return type;
    }
}

/// <summary>
/// A calendar date that may be shown with reduced precision: "1965-03-12" in full, "1965" where the access
/// policy shows only the year (ISO 8601 reduced precision).
/// </summary>
public sealed class PartialDateGraphType : ScalarGraphType
{
    public PartialDateGraphType()
    {
        Name = "PartialDate";
        Description = "ISO 8601 calendar date, possibly reduced to the year (\"1965\") where the caller may see only the year.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int year => year.ToString("0000", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"not a partial date: {value}"),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => ParseValue((string)s.Value),
        _ => ThrowLiteralConversionError(value),
    };
}
