using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using Microsoft.Extensions.Primitives;

namespace PovertyGraph.Server.Http;

/// <summary>
/// Reads the GraphQL request parameters from a GET query string or a POST JSON body
/// (https://graphql.github.io/graphql-over-http/draft/#sec-Request-Parameters).
/// Every malformed input is reported as a <see cref="GraphQLHttpProblem"/>; nothing here throws on bad input.
/// </summary>
public static class GraphQLHttpRequestReader
{
    /// <summary>JSON nesting allowed in a request body (variables included).</summary>
    public const int MaxJsonDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxJsonDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Reads <c>query</c>, <c>operationName</c>, <c>variables</c> and <c>extensions</c> from a query string.</summary>
    public static (GraphQLHttpRequest? Request, GraphQLHttpProblem? Problem) FromQueryString(IQueryCollection parameters, IGraphQLSerializer serializer)
    {
        if (!Single(parameters, "query", out var query, out var problem) ||
            !Single(parameters, "operationName", out var operationName, out problem) ||
            !Single(parameters, "variables", out var variablesText, out problem) ||
            !Single(parameters, "extensions", out var extensionsText, out problem) ||
            !Single(parameters, "documentId", out var documentId, out problem))
        {
            return (null, problem);
        }

        if (!ReadMapText(variablesText, "variables", serializer, out var variables, out problem) ||
            !ReadMapText(extensionsText, "extensions", serializer, out var extensions, out problem))
        {
            return (null, problem);
        }

        return Complete(query, EmptyToNull(operationName), variables, extensions, EmptyToNull(documentId));
    }

    /// <summary>Reads the request parameters from a UTF-8 JSON body.</summary>
    public static (GraphQLHttpRequest? Request, GraphQLHttpProblem? Problem) FromJsonBody(ReadOnlyMemory<byte> body, IGraphQLSerializer serializer)
    {
        if (body.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            body = body[3..]; // a UTF-8 byte order mark
        if (IsBlank(body.Span))
            return (null, BadRequest("The request body is empty; expected a JSON object with a 'query' member."));

        // System.Text.Json finds invalid UTF-8 inside strings only when they are read: check it all up front.
        if (!Utf8.IsValid(body.Span))
        {
            return (null, new GraphQLHttpProblem(StatusCodes.Status400BadRequest, "INVALID_JSON",
                "The request body is not valid UTF-8."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return (null, new GraphQLHttpProblem(StatusCodes.Status400BadRequest, "INVALID_JSON",
                $"The request body is not valid JSON: {FirstSentence(ex.Message)}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return (null, new GraphQLHttpProblem(StatusCodes.Status400BadRequest, "BATCHING_NOT_SUPPORTED",
                    "Batched requests are not supported: send one JSON object per request."));
            }

            if (root.ValueKind != JsonValueKind.Object)
                return (null, BadRequest("The request body must be a JSON object with a 'query' member."));

            string? query = null, operationName = null, documentId = null;
            Inputs? variables = null, extensions = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject())
            {
                if (member.Name is "query" or "operationName" or "variables" or "extensions" or "documentId" && !seen.Add(member.Name))
                    return (null, BadRequest($"The '{member.Name}' parameter appears more than once."));
                switch (member.Name)
                {
                    case "query":
                        if (!ReadString(member.Value, "query", out query, out var problem))
                            return (null, problem);
                        break;
                    case "operationName":
                        if (!ReadString(member.Value, "operationName", out operationName, out problem))
                            return (null, problem);
                        break;
                    case "variables":
                        if (!ReadMap(member.Value, "variables", serializer, out variables, out problem))
                            return (null, problem);
                        break;
                    case "extensions":
                        if (!ReadMap(member.Value, "extensions", serializer, out extensions, out problem))
                            return (null, problem);
                        break;
                    case "documentId":
                        if (!ReadString(member.Value, "documentId", out documentId, out problem))
                            return (null, problem);
                        break;
                }
            }
            return Complete(query, EmptyToNull(operationName), variables, extensions, EmptyToNull(documentId));
        }
    }

    /// <summary>A request needs a document: its text, or the ID of a registered one (documentId, or Apollo's persistedQuery extension).</summary>
    private static (GraphQLHttpRequest?, GraphQLHttpProblem?) Complete(string? query, string? operationName, Inputs? variables, Inputs? extensions, string? documentId)
    {
        var persisted = documentId != null || extensions?.ContainsKey(Documents.PersistedDocumentResolver.ApqExtension) == true;
        if (string.IsNullOrWhiteSpace(query) && !persisted)
            return (null, BadRequest("The 'query' parameter is required and must be a non-empty GraphQL document (or send the 'documentId' of a registered document)."));
        return (new GraphQLHttpRequest(string.IsNullOrWhiteSpace(query) ? null : query, operationName, variables, extensions, documentId), null);
    }

    private static GraphQLHttpProblem BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", message);

    private static bool Single(IQueryCollection parameters, string name, out string? value, out GraphQLHttpProblem? problem)
    {
        problem = null;
        value = null;
        if (!parameters.TryGetValue(name, out StringValues values) || values.Count == 0)
            return true;
        if (values.Count > 1)
        {
            problem = BadRequest($"The '{name}' parameter appears more than once.");
            return false;
        }
        value = values[0];
        return true;
    }

    private static bool ReadString(JsonElement element, string name, out string? value, out GraphQLHttpProblem? problem)
    {
        problem = null;
        value = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                try
                {
                    value = element.GetString();
                    return true;
                }
                catch (InvalidOperationException)
                {
                    // e.g. an escaped lone surrogate ("\ud800"): valid JSON syntax, but not text.
                    problem = BadRequest($"The '{name}' parameter is not a valid Unicode string.");
                    return false;
                }
            default:
                problem = BadRequest($"The '{name}' parameter must be a string, not {Describe(element.ValueKind)}.");
                return false;
        }
    }

    private static bool ReadMap(JsonElement element, string name, IGraphQLSerializer serializer, out Inputs? value, out GraphQLHttpProblem? problem)
    {
        problem = null;
        value = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                try
                {
                    value = serializer.ReadNode<Inputs>(element);
                    return true;
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
                {
                    problem = BadRequest($"The '{name}' parameter could not be read: {FirstSentence(ex.Message)}");
                    return false;
                }
            default:
                problem = BadRequest($"The '{name}' parameter must be a JSON object (a map), not {Describe(element.ValueKind)}.");
                return false;
        }
    }

    private static bool ReadMapText(string? text, string name, IGraphQLSerializer serializer, out Inputs? value, out GraphQLHttpProblem? problem)
    {
        problem = null;
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            return ReadMap(document.RootElement, name, serializer, out value, out problem);
        }
        catch (JsonException ex)
        {
            problem = BadRequest($"The '{name}' parameter is not valid JSON: {FirstSentence(ex.Message)}");
            return false;
        }
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return false;
        }

        return true;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>System.Text.Json messages end with a path and position; keep the first sentence, which says what is wrong.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
