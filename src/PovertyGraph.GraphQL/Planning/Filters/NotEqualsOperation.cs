namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>neq</c>: the column differs from the value (null: the column is not null).</summary>
public sealed class NotEqualsOperation() : EqualityOperation("neq", "Not equal to.", equal: false);
