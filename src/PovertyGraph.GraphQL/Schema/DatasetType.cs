using GraphQL.Types;
using PovertyGraph.Data;

namespace PovertyGraph.GraphQL.Schema;

public sealed class DatasetType : ObjectGraphType<DatasetSummary>
{
    public const string Licence = "Open data: CC BY 4.0. Real facts are transcribed from public government documents; all household and person data is synthetic.";

    public DatasetType()
    {
        Name = "Dataset";
        Description = "The dataset this server publishes: version, build, licence, row counts and how much of it is synthetic.";
        Field<NonNullGraphType<StringGraphType>>("version").Description("Dataset version.").Resolve(c => c.Source.Info.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("generatedAt").Description("When this database was built.").Resolve(c => c.Source.Info.BuiltAt);
        Field<NonNullGraphType<StringGraphType>>("profile").Description("Build profile: province (full scale), jiaohe (small) or national-sample (the province and generated replicas of it, all synthetic: not real national data); a scale factor other than 1 follows as ×N.").Resolve(c => c.Source.Info.Profile);
        Field<NonNullGraphType<IntGraphType>>("generatorSeed").Description("Seed of the deterministic generator.").Resolve(c => c.Source.Info.GeneratorSeed);
        Field<NonNullGraphType<StringGraphType>>("seedChecksum").Description("SHA-256 of the seed CSV files the build imported.").Resolve(c => c.Source.Info.SeedChecksum);
        Field<NonNullGraphType<StringGraphType>>("licence").Description("Licence and terms.").Resolve(_ => Licence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TableCountType>>>>("rowCounts").Description("Rows per table, with how many are synthetic.").Resolve(c => c.Source.Tables);
        AddField(new FieldType
        {
            Name = "sources", Description = "The source documents every real fact is transcribed from.",
            ResolvedType = Machinery.GraphTypes.TypeRefs.ListOfNonNull("SourceDocument"),
            Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object?>(c =>
            {
                var runtime = Machinery.GraphTypes.EntityGraphTypes.Runtime(c);
                return Machinery.ConnectionSource.RootList(runtime, runtime.Model.ByName("SourceDocument")!, c)
                    .Page().Then(p => p.Rows);
            }),
        });
        Field<NonNullGraphType<FloatGraphType>>("syntheticShare").Description("Share of all rows that are synthetic (0–1).")
            .Resolve(c => Math.Round((double)c.Source.Tables.Sum(t => t.SyntheticRows) / Math.Max(1, c.Source.Tables.Sum(t => t.Rows)), 4));
    }
}

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
