using GraphQL.Types;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.GraphQL.Schema.Entities;

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
