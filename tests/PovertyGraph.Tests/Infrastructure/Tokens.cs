using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.Server.Auth;

namespace PovertyGraph.Tests.Infrastructure;

/// <summary>
/// Bearer tokens for tests against <see cref="PovertyGraphFactory"/>. Valid ones are signed with the development key
/// the test server uses (the server's appsettings.json, appsettings.Testing.json if any, and environment variables),
/// e.g. <c>factory.PostAsync(query, token: Tokens.Official)</c> or <c>Tokens.Ngo("ngo-jiaohe-health")</c>. The
/// invalid ones are for authentication tests: each is wrong in exactly one way.
/// </summary>
public static class Tokens
{
    /// <summary>Subject of the tokens below unless a test gives another.</summary>
    public const string Subject = "tests";

    /// <summary>An NGO whose partner villages (5) lie in the test database's Jiaohe.</summary>
    public const string JiaoheNgo = "ngo-jiaohe-health";

    private static readonly Lazy<AuthOptions> LazyOptions = new(LoadOptions);

    /// <summary>The Auth section the test server reads.</summary>
    public static AuthOptions Options => LazyOptions.Value;

    public static DevelopmentTokens Minter => new(Options);

    // ---- valid ------------------------------------------------------------------------------------------------

    public static string For(Role role, string subject = Subject, string? organization = null, TimeSpan? lifetime = null) =>
        Minter.Create(role, subject, organization, lifetime);

    public static string Researcher => For(Role.Researcher);
    public static string Official => For(Role.Official);
    public static string Admin => For(Role.Admin);
    public static string Ngo(string organization = JiaoheNgo, string subject = Subject) => For(Role.Ngo, subject, organization);

    /// <summary>
    /// A token signed with the development key carrying exactly <paramref name="claims"/> (plus iss/aud, which
    /// default to the configured ones, and the given times). Use it for tokens the minter refuses to make.
    /// </summary>
    public static string WithClaims(IDictionary<string, object> claims, DateTime? notBefore = null, DateTime? expires = null,
        string? issuer = null, string? audience = null, SigningCredentials? credentials = null)
    {
        var now = DateTime.UtcNow;
        return Minter.Sign(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>(claims),
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            Issuer = issuer,
            Audience = audience,
            SigningCredentials = credentials,
        });
    }

    /// <summary>The claims of a valid token of that role (no times, iss or aud).</summary>
    public static Dictionary<string, object> Claims(Role role = Role.Official, string subject = Subject, string? organization = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = AuthClaims.ClaimValue(role) };
        if (organization is not null) claims["org"] = organization;
        return claims;
    }

    // ---- invalid ----------------------------------------------------------------------------------------------

    /// <summary>Expired well beyond the clock skew.</summary>
    public static string Expired(Role role = Role.Official)
    {
        var now = DateTime.UtcNow;
        return WithClaims(Claims(role), notBefore: now.AddHours(-2), expires: now.AddHours(-1));
    }

    /// <summary>nbf an hour from now.</summary>
    public static string NotYetValid(Role role = Role.Official)
    {
        var now = DateTime.UtcNow;
        return WithClaims(Claims(role), notBefore: now.AddHours(1), expires: now.AddHours(2));
    }

    /// <summary>Signed with another key of the right length.</summary>
    public static string WrongKey(Role role = Role.Official) =>
        WithClaims(Claims(role), credentials: new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes("some-other-key-that-is-long-enough-for-hs256!")), SecurityAlgorithms.HmacSha256));

    /// <summary>The development key, but HS384 rather than the only algorithm accepted (HS256).</summary>
    public static string WrongAlgorithm(Role role = Role.Official) =>
        WithClaims(Claims(role), credentials: new SigningCredentials(DevelopmentTokens.SigningKey(Options)!, SecurityAlgorithms.HmacSha384));

    public static string WrongIssuer(Role role = Role.Official) => WithClaims(Claims(role), issuer: "someone-else");

    public static string WrongAudience(Role role = Role.Official) => WithClaims(Claims(role), audience: "another-api");

    /// <summary>A valid token whose payload was changed afterwards (role official → admin): the signature no longer matches.</summary>
    public static string Tampered()
    {
        var parts = Official.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"official\"", "\"admin\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    /// <summary><c>alg: none</c>, empty signature, otherwise valid claims.</summary>
    public static string NoneAlgorithm(Role role = Role.Admin)
    {
        var now = DateTimeOffset.UtcNow;
        var header = """{"alg":"none","typ":"JWT"}""";
        var payload = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Options.EffectiveIssuer,
            ["aud"] = Options.EffectiveAudience,
            ["sub"] = Subject,
            ["role"] = AuthClaims.ClaimValue(role),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        });
        return $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";
    }

    /// <summary>Signed, right issuer and audience, but no exp.</summary>
    public static string WithoutExpiry()
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = Claims(),
            Issuer = Options.EffectiveIssuer,
            Audience = Options.EffectiveAudience,
            SigningCredentials = new SigningCredentials(DevelopmentTokens.SigningKey(Options)!, SecurityAlgorithms.HmacSha256),
        });
    }

    public const string Malformed = "this-is-not-a-jwt";

    private static AuthOptions LoadOptions()
    {
        // As the test server (environment "Testing") reads them.
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddJsonFile("appsettings.Testing.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return AuthOptions.From(configuration);
    }
}
