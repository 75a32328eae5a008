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
            ResolvedType = Entities.TypeRefs.ListOfNonNull("SourceDocument"),
            Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object?>(c =>
                Entities.ConnectionResolvers.List(c, Entities.GraphFields.Runtime(c).Model.For(typeof(Domain.SourceDocument)))),
        });
        Field<NonNullGraphType<StatisticsProtectionType>>("statisticsProtection")
            .Description("How household and person aggregates are protected for callers without exact statistics: minimum cell size, noise and its distribution.")
            .Resolve(c => Entities.GraphFields.Runtime(c).Statistics.Parameters);
        Field<NonNullGraphType<FloatGraphType>>("syntheticShare").Description("Share of all rows that are synthetic (0–1).")
            .Resolve(c => Math.Round((double)c.Source.Tables.Sum(t => t.SyntheticRows) / Math.Max(1, c.Source.Tables.Sum(t => t.Rows)), 4));
    }
}
