using GraphQL.Types;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Schema.Entities;

namespace PovertyGraph.GraphQL.Schema;

/// <summary><c>dataset.statisticsProtection</c>: the parameters of the protection, for users analysing protected figures.</summary>
public sealed class StatisticsProtectionType : ObjectGraphType<StatisticsProtectionParameters>
{
    public StatisticsProtectionType()
    {
        Name = "StatisticsProtection";
        Description = "How household and person aggregates are protected for the roles without exact statistics (see the README's statistics rule): " +
            "what you need to analyse protected figures correctly.";
        Field<NonNullGraphType<StringGraphType>>("method").Description("The method: cell-key (as statistics offices publish tables).").Resolve(c => c.Source.Method);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>>("protectedRoles").Description("Roles that get protected figures; the others get exact ones.")
            .Resolve(c => c.Source.ProtectedRoles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("protectedTypes").Description("Types whose aggregates are protected.")
            .Resolve(c => GraphFields.Runtime(c).Model.All.Where(t => t.ProtectedStatistics).Select(t => t.Name).ToList());
        Field<NonNullGraphType<IntGraphType>>("minimumCellSize").Description("Cells with fewer records are suppressed: `suppressed: true`, values null.")
            .Resolve(c => c.Source.MinimumCellSize);
        Field<NonNullGraphType<IntGraphType>>("maximumCountNoise").Description("A published count differs from the true count by at most this much (a non-empty cell is never published below 1).")
            .Resolve(c => c.Source.MaximumCountNoise);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NoiseProbabilityType>>>>("countNoise").Description("Distribution of the noise on a count: symmetric, zero mean.")
            .Resolve(c => c.Source.CountNoise);
        Field<NonNullGraphType<FloatGraphType>>("countNoiseVariance").Description("Variance of the count noise; a sum of k different cells has about k times this variance.")
            .Resolve(c => c.Source.CountNoiseVariance);
        Field<NonNullGraphType<IntGraphType>>("maximumSumNoise").Description("A sum moves by at most this many times the cell's average record (rounded), the multiple drawn from the count noise's distribution; an average is the published sum over the published count.")
            .Resolve(c => c.Source.MaximumSumNoiseInAverageRecords);
        Field<NonNullGraphType<BooleanGraphType>>("noiseFixedPerCell").Description("True: the noise is fixed per cell, a function of the records in it; any two requests covering the same records get the same answer, so repeating or rephrasing a request adds nothing.")
            .Resolve(c => c.Source.NoiseFixedPerCell);
        Field<NonNullGraphType<BooleanGraphType>>("minimumsAndMaximumsPublished").Description("Whether minimums and maximums (one record's value) are published to protected roles.")
            .Resolve(c => c.Source.MinimumsAndMaximumsPublished);
        Field<NonNullGraphType<StringGraphType>>("cells").Description("Which sets are published: the conditions a protected aggregate's `where` accepts.").Resolve(c => c.Source.Cells);
    }
}
