using GraphQL;

namespace PovertyGraph.GraphQL.Model;

/// <summary>A request the machinery refuses, with a message that names the argument and field at fault.</summary>
public sealed class QueryError : ExecutionError
{
    private QueryError(string code, string message) : base(message) => Code = code;

    public static QueryError Argument(string message) => new("BAD_ARGUMENT", message);
    public static QueryError Forbidden(string message) => new("FORBIDDEN_FIELD", message);
    /// <summary>A protected aggregate asked for a set that is not a cell of the published dimensions.</summary>
    public static QueryError ProtectedStatistics(string message) => new("PROTECTED_STATISTICS", message);

    /// <summary>The same refusal as a new error, for another place it is reported (an error carries its own path).</summary>
    public QueryError Again() => new(Code!, Message);
}
