namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>in</c>: the column is one of the values.</summary>
public sealed class InOperation() : MembershipOperation("in", "One of these values (at least one).", member: true);
