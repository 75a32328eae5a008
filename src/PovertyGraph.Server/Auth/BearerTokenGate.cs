using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using PovertyGraph.GraphQL.Telemetry;

namespace PovertyGraph.Server.Auth;

/// <summary>
/// Middleware in front of every endpoint. No Authorization header: the request goes on as PUBLIC. Otherwise it
/// must be <c>Bearer &lt;JWT&gt;</c>, the JWT must pass the JwtBearer validation (signature, issuer, audience,
/// lifetime) and its claims must describe a viewer (<see cref="ViewerResolver"/>); anything else is answered
/// 401 (<see cref="TokenRejection"/>) and the request never runs.
/// </summary>
public sealed class BearerTokenGate
{
    internal const string BearerPrefix = "Bearer ";

    private readonly RequestDelegate _next;
    private readonly ViewerResolver _resolver;
    private readonly IOptionsMonitor<JwtBearerOptions> _jwtOptions;
    private readonly ILogger<BearerTokenGate> _logger;
    private readonly ServerMetrics _metrics;

    public BearerTokenGate(RequestDelegate next, ViewerResolver resolver, IOptionsMonitor<JwtBearerOptions> jwtOptions, ILogger<BearerTokenGate> logger,
        ServerMetrics metrics)
    {
        _next = next;
        _resolver = resolver;
        _jwtOptions = jwtOptions;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers.Authorization;
        if (headers.Count == 0 || (headers.Count == 1 && string.IsNullOrEmpty(headers[0])))
        {
            await _next(context);
            return;
        }

        var rejection = await CheckAsync(context, headers);
        if (rejection is not null)
        {
            _logger.LogInformation("Bearer token rejected ({Method} {Path}): {Reason}", context.Request.Method, context.Request.Path, rejection);
            _metrics.Refused(ServerMetrics.ReasonInvalidToken);
            await TokenRejection.WriteAsync(context, rejection);
            return;
        }
        await _next(context);
    }

    private async Task<string?> CheckAsync(HttpContext context, Microsoft.Extensions.Primitives.StringValues headers)
    {
        if (headers.Count > 1)
            return TokenRejection.SeveralHeaders;
        var header = headers[0]!.Trim();
        if (string.Equals(header, BearerPrefix.TrimEnd(), StringComparison.OrdinalIgnoreCase))
            return TokenRejection.MissingToken;
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return TokenRejection.NotBearer;
        var token = header[BearerPrefix.Length..].Trim();
        if (token.Length == 0)
            return TokenRejection.MissingToken;
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            // Structural faults have clearer reasons than the validator's (a token that validated has none).
            var validAlgorithms = _jwtOptions.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.ValidAlgorithms;
            if (Inspect(token, validAlgorithms) is { } structural)
                return structural;
            if (result.Failure is { } failure && TokenRejection.Describe(failure) == TokenRejection.NotValidated)
                _logger.LogWarning(failure, "Bearer token could not be validated");
            return TokenRejection.Describe(result.Failure);
        }

        var resolution = await _resolver.ResolveAsync(result.Principal!, context.RequestAborted);
        if (!resolution.Succeeded)
            return resolution.Rejection;
        context.User = result.Principal!;
        return null;
    }

    /// <summary>Structural checks with clearer reasons than the validator's: parseable, not encrypted, signed with an accepted algorithm.</summary>
    private static string? Inspect(string token, IEnumerable<string>? validAlgorithms)
    {
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception)
        {
            return TokenRejection.Malformed;
        }
        if (jwt.IsEncrypted)
            return TokenRejection.Encrypted;
        if (string.IsNullOrEmpty(jwt.Alg) || string.Equals(jwt.Alg, "none", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(jwt.EncodedSignature))
            return TokenRejection.Unsigned;
        if (validAlgorithms is not null && validAlgorithms.Any() && !validAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
            return TokenRejection.AlgorithmNotAccepted;
        return null;
    }
}
