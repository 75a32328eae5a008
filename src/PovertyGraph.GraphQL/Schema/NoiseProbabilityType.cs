using GraphQL.Types;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Schema;

/// <summary>One value of the count noise and its probability, as <c>dataset.statisticsProtection.countNoise</c> lists them.</summary>
public sealed class NoiseProbabilityType : ObjectGraphType<NoiseProbability>
{
    public NoiseProbabilityType()
    {
        Name = "NoiseProbability";
        Description = "One value the noise on a protected count can take, and its probability.";
        Field<NonNullGraphType<IntGraphType>>("value").Description("Added to the true count.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<FloatGraphType>>("probability").Description("Probability of this value (0–1).").Resolve(c => c.Source.Probability);
    }
}
