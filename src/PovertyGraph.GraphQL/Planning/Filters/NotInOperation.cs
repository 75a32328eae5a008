namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>nin</c>: the column is none of the values.</summary>
public sealed class NotInOperation() : MembershipOperation("nin", "None of these values.", member: false);
