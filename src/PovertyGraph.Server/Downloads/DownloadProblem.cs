namespace PovertyGraph.Server.Downloads;

/// <summary>A download refused before its first byte: an HTTP status and a GraphQL-shaped error (code, message).</summary>
public sealed class DownloadProblem(int status, string code, string message, IDictionary<string, object?>? extensions = null) : Exception(message)
{
    /// <summary>The errors GraphQL.NET reported, when the download's document was refused there (all of them are written).</summary>
    public IReadOnlyList<global::GraphQL.ExecutionError>? Errors { get; init; }

    public int Status { get; } = status;
    public string Code { get; } = code;
    public IDictionary<string, object?>? Extensions { get; } = extensions;

    public static DownloadProblem BadRequest(string message, string code = "BAD_DOWNLOAD_REQUEST") => new(StatusCodes.Status400BadRequest, code, message);
    public static DownloadProblem NotFound(string message) => new(StatusCodes.Status404NotFound, "NOT_FOUND", message);
    public static DownloadProblem Forbidden(string message, string code = "FORBIDDEN_COLUMN") => new(StatusCodes.Status403Forbidden, code, message);
}
