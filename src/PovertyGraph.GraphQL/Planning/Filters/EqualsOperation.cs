namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>eq</c>: the column equals the value (null: the column is null).</summary>
public sealed class EqualsOperation() : EqualityOperation("eq", "Equal to.", equal: true);
