namespace PovertyGraph.Server.Http;

/// <summary>
/// A request the endpoint refuses before GraphQL runs it: an HTTP status, a code and a message for the client. A
/// <paramref name="RequestError"/> is a GraphQL request error (a document that cannot run): like a validation error,
/// it is answered 200 to <c>application/json</c> clients, as the GraphQL-over-HTTP spec asks, and
/// <paramref name="Status"/> otherwise.
/// </summary>
public sealed record GraphQLHttpProblem(int Status, string Code, string Message, bool RequestError = false);
