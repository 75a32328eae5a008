using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>What an aggregates selection asks for: (function, numeric field index) pairs.</summary>
public sealed record AggregateRequest(IReadOnlySet<(AggregateFunction Function, int Field)> Values)
{
    public static readonly AggregateRequest CountOnly = new(new HashSet<(AggregateFunction, int)>());
}
