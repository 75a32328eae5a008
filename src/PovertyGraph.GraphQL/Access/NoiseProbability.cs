namespace PovertyGraph.GraphQL.Access;

/// <summary>One value of the noise added to protected counts, and how likely it is (its share of the noise table).</summary>
public sealed record NoiseProbability(int Value, double Probability);
