using GraphQL.Types;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;
using static PovertyGraph.GraphQL.Schema.Entities.GraphFields;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>An entity's connection and edge types; their fields read the <see cref="ConnectionValue"/> the collection field resolved to.</summary>
public static class ConnectionTypes
{
    public static ObjectGraphType Connection(EntityDescriptor type)
    {
        var n = type.Name;
        var graph = new ObjectGraphType { Name = n + "Connection", Description = $"A page of {n} rows, with totals and aggregates over everything the filter matched." };
        graph.AddField(Field("totalCount", "Number of rows the filter matched (all pages).", TypeRefs.NonNull("Int"),
            (source, _) => ((ConnectionValue)source).TotalCountValue()));
        graph.AddField(Field("nodes", "The rows of this page.", TypeRefs.ListOfNonNull(n),
            (source, _) => ((ConnectionValue)source).Page().Then(p => p.Rows)));
        graph.AddField(Field("edges", "The rows of this page with their cursors.", TypeRefs.ListOfNonNull(n + "Edge"),
            (source, _) => ((ConnectionValue)source).Page().Then(p => p.Rows.Select((r, i) => new EdgeValue(r, p.Cursors[i])).ToList())));
        graph.AddField(Field("pageInfo", "Where this page is in the whole list.", TypeRefs.NonNull(SharedTypes.PageInfo),
            (source, _) => ((ConnectionValue)source).Page()));
        graph.AddField(Field("aggregates", "Count, and sum, average, minimum and maximum of the numeric fields, over every row the filter matched (not only this page).",
            TypeRefs.NonNull(n + "Aggregates"), c =>
            {
                var connection = (ConnectionValue)c.Source!;
                return connection.Cells(connection.Plan.Aggregates[c.FieldAst]).Then(cells => cells[0]);
            }));
        if (type.Dimensions.Count > 0)
        {
            graph.AddField(Field("groupedAggregates",
                "Aggregates per group of rows sharing the same keys, ordered by the keys (ascending, by ID for places; nulls last).",
                TypeRefs.ListOfNonNull(n + "AggregateGroup"), c =>
                {
                    var connection = (ConnectionValue)c.Source!;
                    var aggregate = connection.Plan.Aggregates[c.FieldAst];
                    return connection.Cells(aggregate).Then(cells => cells.Select(cell => new GroupValue(aggregate.Dimensions, cell)).ToList());
                },
                new QueryArguments(
                    new QueryArgument(new NonNullGraphType(new ListGraphType(TypeRefs.NonNull(n + "GroupBy")))) { Name = "groupBy", Description = "One or more dimensions to group by." },
                    new QueryArgument<IntGraphType> { Name = "first", Description = "At most this many groups." },
                    new QueryArgument<BooleanGraphType> { Name = "includeNullKeys", DefaultValue = false, Description = "Also return groups whose key is unknown (null). They are left out by default; `aggregates` always covers every row." })));
        }

        return graph;
    }

    public static ObjectGraphType Edge(EntityDescriptor type)
    {
        var graph = new ObjectGraphType { Name = type.Name + "Edge", Description = $"A {type.Name} row and its cursor." };
        graph.AddField(Field("cursor", "Opaque cursor of this row under the query's order.", TypeRefs.NonNull("String"), (source, _) => ((EdgeValue)source).Cursor));
        graph.AddField(Field("node", "The row.", TypeRefs.NonNull(type.Name), (source, _) => ((EdgeValue)source).Row));
        return graph;
    }
}
