namespace PovertyGraph.GraphQL.Cost;

/// <summary>What the caller asked to learn about the cost (the <c>GraphQL-Cost</c> request header).</summary>
public enum CostMode
{
    /// <summary>Run the operation; say nothing about its cost unless it is refused.</summary>
    None,
    /// <summary><c>GraphQL-Cost: report</c>: run it and add <c>extensions.cost</c> to the answer.</summary>
    Report,
    /// <summary><c>GraphQL-Cost: validate</c>: compute the cost and answer with it, without running anything.</summary>
    Validate,
}
