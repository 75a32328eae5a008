using GraphQL.Types;
using PovertyGraph.Data;

namespace PovertyGraph.GraphQL.Schema;

/// <summary>Row count of one table, as <c>dataset.rowCounts</c> shows it.</summary>
public sealed class TableCountType : ObjectGraphType<TableSummary>
{
    public TableCountType()
    {
        Name = "TableCount";
        Description = "Row count of one table.";
        Field<NonNullGraphType<StringGraphType>>("table").Description("Table (as the root field that lists it).").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("rows").Description("Rows.").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<IntGraphType>>("syntheticRows").Description("Rows that were generated.").Resolve(c => c.Source.SyntheticRows);
        Field<NonNullGraphType<FloatGraphType>>("syntheticShare").Description("Generated share (0–1).").Resolve(c => c.Source.Rows == 0 ? 0 : Math.Round((double)c.Source.SyntheticRows / c.Source.Rows, 4));
    }
}
