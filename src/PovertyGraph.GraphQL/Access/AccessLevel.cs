namespace PovertyGraph.GraphQL.Access;

/// <summary>How much of a field a caller sees.</summary>
public enum AccessLevel { Full, Masked, Hidden }
