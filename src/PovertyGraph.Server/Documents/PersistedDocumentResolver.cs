using System.Text.RegularExpressions;
using PovertyGraph.Server.Http;

namespace PovertyGraph.Server.Documents;

/// <summary>
/// Turns a request that names a registered document into one that carries its text, and applies the allow-list:
/// <list type="bullet">
/// <item><c>documentId: "sha256:&lt;hex&gt;"</c> (GraphQL-over-HTTP persisted documents): a trusted document, or one
/// registered automatically; unknown: <c>PERSISTED_QUERY_NOT_FOUND</c>;</item>
/// <item>Apollo's <c>extensions.persistedQuery.sha256Hash</c> without a query: the same lookup; with a query: its hash
/// must match (<c>PERSISTED_QUERY_HASH_MISMATCH</c>), and the document is registered once it has run;</item>
/// <item>in <see cref="PersistedDocumentMode.AllowList"/> mode, a PUBLIC caller may run only trusted documents, by ID or
/// by their exact text (<c>PERSISTED_DOCUMENT_REQUIRED</c>), and registers nothing.</item>
/// </list>
/// </summary>
public sealed partial class PersistedDocumentResolver(PersistedDocumentStore store, PersistedDocumentOptions options)
{
    public const string IdPrefix = "sha256:";
    public const string ApqExtension = "persistedQuery";
    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";
    public const string HashMismatchCode = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string RequiredCode = "PERSISTED_DOCUMENT_REQUIRED";

    /// <summary>The request with its document text, the hash to register once it has run (if any), or why it is refused.</summary>
    public (GraphQLHttpRequest? Request, string? Register, GraphQLHttpProblem? Problem) Resolve(GraphQLHttpRequest request, bool isPublic)
    {
        var allowListed = isPublic && options.Mode == PersistedDocumentMode.AllowList;
        var (apqHash, apqProblem) = ApqHash(request);
        if (apqProblem != null) return (null, null, apqProblem);

        if (request.DocumentId != null || (apqHash != null && request.Query == null))
        {
            if (request.DocumentId != null && request.Query != null)
                return (null, null, Invalid("Send either 'query' or 'documentId', not both."));
            var hash = apqHash;
            if (request.DocumentId != null)
            {
                if (!request.DocumentId.StartsWith(IdPrefix, StringComparison.Ordinal) || !IsHash(request.DocumentId[IdPrefix.Length..]))
                    return (null, null, Invalid($"'documentId' must be '{IdPrefix}' followed by the 64 hexadecimal digits of the document's SHA-256."));
                hash = request.DocumentId[IdPrefix.Length..].ToLowerInvariant();
            }
            if (store.TryGetTrusted(hash!, out var trusted) || (!allowListed && store.TryGetRegistered(hash!, out trusted)))
                return (request with { Query = trusted }, null, null);
            // Apollo's clients recognise this message and retry with the query text.
            return (null, null, new GraphQLHttpProblem(StatusCodes.Status400BadRequest, NotFoundCode, "PersistedQueryNotFound", RequestError: true));
        }

        var query = request.Query!;
        if (apqHash != null && !string.Equals(PersistedDocumentStore.Hash(query), apqHash, StringComparison.Ordinal))
        {
            return (null, null, new GraphQLHttpProblem(StatusCodes.Status400BadRequest, HashMismatchCode,
                "The persistedQuery sha256Hash is not the SHA-256 of the query sent.", RequestError: true));
        }

        if (allowListed && !store.IsTrusted(query))
        {
            return (null, null, new GraphQLHttpProblem(StatusCodes.Status400BadRequest, RequiredCode,
                "Without a token, this server runs only its registered documents: send the 'documentId' of one of them (see the README).", RequestError: true));
        }

        var register = apqHash != null && options.AutomaticRegistration && !allowListed && query.Length <= options.AutomaticMaxLength ? apqHash : null;
        return (request, register, null);
    }

    public void Registered(string hash, string query) => store.Register(hash, query);

    /// <summary>Apollo's <c>{"persistedQuery": {"version": 1, "sha256Hash": "…"}}</c>, if present.</summary>
    private static (string? Hash, GraphQLHttpProblem? Problem) ApqHash(GraphQLHttpRequest request)
    {
        if (request.Extensions == null || !request.Extensions.TryGetValue(ApqExtension, out var value) || value == null)
            return (null, null);
        if (value is not IDictionary<string, object?> persisted || !persisted.TryGetValue("version", out var version) || Convert.ToString(version) != "1"
            || !persisted.TryGetValue("sha256Hash", out var hash) || hash is not string hex || !IsHash(hex))
        {
            return (null, Invalid("extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<64 hexadecimal digits>\"}."));
        }

        return (hex.ToLowerInvariant(), null);
    }

    private static bool IsHash(string text) => HexSha256().IsMatch(text);

    private static GraphQLHttpProblem Invalid(string message) => new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", message);

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HexSha256();
}
