using System.Globalization;
using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.RateLimiting;
using PovertyGraph.GraphQL.Telemetry;
using PovertyGraph.Server.Auth;
using PovertyGraph.Server.Http;

namespace PovertyGraph.Server.RateLimiting;

/// <summary>
/// Rate limits per caller on ASP.NET Core's rate limiter: a token holder by role and subject, a caller without a token
/// by client address (behind a proxy, configure forwarded headers so that this is the client's). Over its rate a
/// request is answered 429 with <c>Retry-After</c> and a GraphQL-shaped error (<c>RATE_LIMITED</c>), before anything
/// is read or run.
/// </summary>
public sealed class CallerRateLimits(RateLimitingOptions options, ServerMetrics metrics)
{
    public const string Policy = "graphql-callers";
    public const string Code = "RATE_LIMITED";

    public void Configure(RateLimiterOptions limiter)
    {
        limiter.AddPolicy(Policy, context => Partition(context, options));
        limiter.OnRejected = RejectAsync;
    }

    /// <summary>The caller's bucket: by subject for a token holder (the gate has validated the token), by address otherwise.</summary>
    public static RateLimitPartition<string> Partition(HttpContext context, RateLimitingOptions options)
    {
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter("off");
        var user = context.User;
        var holder = user.Identity?.IsAuthenticated == true;
        var key = holder
            ? $"sub:{user.FindFirst(AuthClaims.RoleClaim)?.Value}:{user.FindFirst(AuthClaims.SubjectClaim)?.Value}"
            : $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        var rate = holder ? options.TokenHolders : options.Public;
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = rate.Refill,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var holder = context.User.Identity?.IsAuthenticated == true;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (holder ? options.TokenHolders : options.Public).Refill;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        metrics.Refused(ServerMetrics.ReasonRateLimit);

        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var responseType = GraphQLMediaTypes.Negotiate(context.Request.Headers.Accept);
        if (responseType == GraphQLMediaTypes.ResponseType.NotAcceptable) responseType = GraphQLMediaTypes.ResponseType.Json;
        var error = new ExecutionError($"Too many requests from this {(holder ? "token's subject" : "address")}: try again in {seconds} s.") { Code = Code };
        Caching.GraphQLResponseCaching.NoStore(context.Response);
        await GraphQLHttpResults.WriteResultAsync(context, responseType, new ExecutionResult(error), StatusCodes.Status429TooManyRequests);
    }
}
