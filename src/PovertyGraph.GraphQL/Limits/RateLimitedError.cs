using GraphQL;

namespace PovertyGraph.GraphQL.Limits;

/// <summary>A request refused because too many like it are running or waiting: the host answers 429 with <c>Retry-After</c>.</summary>
public sealed class RateLimitedError : ExecutionError
{
    public const string RateLimitedCode = "RATE_LIMITED";

    public RateLimitedError(string message, TimeSpan retryAfter) : base(message)
    {
        Code = RateLimitedCode;
        RetryAfter = retryAfter;
    }

    public TimeSpan RetryAfter { get; }
}
