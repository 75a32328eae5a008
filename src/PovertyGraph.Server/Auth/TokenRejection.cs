using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace PovertyGraph.Server.Auth;

/// <summary>
/// The 401 for a request whose Authorization header is present but not a valid bearer token: a
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c> challenge (RFC 6750) and a GraphQL-shaped body
/// <c>{"errors":[{"message":…,"extensions":{"code":"INVALID_TOKEN","requestId":…}}]}</c>. Reasons are short fixed phrases:
/// nothing from the token or the validator's internals is echoed.
/// </summary>
public static class TokenRejection
{
    public const string Code = "INVALID_TOKEN";

    public const string Expired = "token expired";
    public const string NotYetValid = "token not yet valid";
    public const string InvalidLifetime = "invalid token lifetime";
    public const string NoExpiration = "token has no expiry (exp)";
    public const string InvalidSignature = "invalid signature";
    public const string Unsigned = "unsigned token (alg none) not accepted";
    public const string AlgorithmNotAccepted = "signing algorithm not accepted";
    public const string WrongIssuer = "wrong issuer";
    public const string WrongAudience = "wrong audience";
    public const string Malformed = "malformed token";
    public const string Encrypted = "encrypted tokens are not accepted";
    public const string NotBearer = "unsupported authorization scheme (use Bearer)";
    public const string MissingToken = "empty bearer token";
    public const string SeveralHeaders = "more than one Authorization header";
    public const string NotValidated = "token could not be validated";

    /// <summary>The reason phrase for a token validation failure.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.InnerExceptions[0]),
        SecurityTokenExpiredException => Expired,
        SecurityTokenNotYetValidException => NotYetValid,
        SecurityTokenNoExpirationException => NoExpiration,
        SecurityTokenInvalidLifetimeException => InvalidLifetime,
        SecurityTokenInvalidAlgorithmException => AlgorithmNotAccepted,
        SecurityTokenInvalidSignatureException => InvalidSignature, // includes SecurityTokenSignatureKeyNotFoundException
        SecurityTokenInvalidIssuerException => WrongIssuer,
        SecurityTokenInvalidAudienceException => WrongAudience,
        SecurityTokenDecryptionFailedException or SecurityTokenEncryptionKeyNotFoundException => Encrypted,
        SecurityTokenMalformedException or ArgumentException => Malformed,
        _ => NotValidated,
    };

    public static async Task WriteAsync(HttpContext context, string reason)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{HeaderSafe(reason)}\"";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (HttpMethods.IsHead(context.Request.Method))
            return;
        var extensions = new { code = Code, requestId = context.TraceIdentifier };
        var body = new { errors = new[] { new { message = "Invalid token: " + reason + ".", extensions } } };
        await JsonSerializer.SerializeAsync(response.Body, body, cancellationToken: context.RequestAborted);
    }

    /// <summary>RFC 6750 restricts error_description to printable ASCII without quote or backslash.</summary>
    private static string HeaderSafe(string text) =>
        new(text.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : ' ').ToArray());
}
