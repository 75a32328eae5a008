using GraphQL;

namespace PovertyGraph.Server.Http;

/// <summary>
/// The parameters of one GraphQL-over-HTTP request, checked for shape but not yet parsed as GraphQL. The document is
/// the <paramref name="Query"/> text, or a registered document named by <paramref name="DocumentId"/> (or by Apollo's
/// <c>extensions.persistedQuery</c>) until <see cref="Documents.PersistedDocumentResolver"/> puts its text in.
/// </summary>
public sealed record GraphQLHttpRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions, string? DocumentId = null);
