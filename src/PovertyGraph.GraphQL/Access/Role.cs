namespace PovertyGraph.GraphQL.Access;

/// <summary>Roles of API.md. No token means Public.</summary>
public enum Role { Public, Researcher, Ngo, Official, Admin }
