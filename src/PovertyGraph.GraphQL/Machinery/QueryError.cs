using GraphQL;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>A request the machinery refuses, with a message that names the argument and field at fault.</summary>
public sealed class QueryError(string code, string message) : ExecutionError(message)
{
    public static QueryError Argument(string message) => new("BAD_ARGUMENT", message);
    public static QueryError Forbidden(string message) => new("FORBIDDEN_FIELD", message);

    public string ErrorCode { get; } = code;
}
