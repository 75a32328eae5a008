using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Server.Auth;

/// <summary>
/// Mints development tokens: HS256 JWTs signed with <c>Auth:DevelopmentKey</c>, carrying <c>iss</c>, <c>aud</c>,
/// <c>sub</c>, <c>role</c>, <c>org</c> (NGO only), <c>iat</c>, <c>nbf</c>, <c>exp</c> and <c>jti</c>. Used by the
/// <c>token</c> command and by the tests.
/// </summary>
public sealed class DevelopmentTokens
{
    public const string DefaultSubject = "dev";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly AuthOptions _options;

    public DevelopmentTokens(AuthOptions options)
    {
        if (options.DevelopmentKeyBytes().Length < AuthOptions.MinimumKeyBytes)
            throw new InvalidOperationException($"Auth:DevelopmentKey must be at least {AuthOptions.MinimumKeyBytes} bytes (UTF-8).");
        _options = options;
    }

    /// <summary>The symmetric key of development tokens, or null when the configured one is too short to use.</summary>
    public static SymmetricSecurityKey? SigningKey(AuthOptions options)
    {
        var bytes = options.DevelopmentKeyBytes();
        return bytes.Length < AuthOptions.MinimumKeyBytes ? null : new SymmetricSecurityKey(bytes);
    }

    /// <summary>A token for a role (not PUBLIC). NGO needs an organisation key; other roles take none.</summary>
    public string Create(Role role, string subject = DefaultSubject, string? organization = null, TimeSpan? lifetime = null, DateTime? now = null)
    {
        if (role == Role.Public)
            throw new ArgumentException("PUBLIC has no token: send no Authorization header", nameof(role));
        if (string.IsNullOrWhiteSpace(subject))
            throw new ArgumentException("the subject must not be empty", nameof(subject));
        if (role == Role.Ngo && string.IsNullOrWhiteSpace(organization))
            throw new ArgumentException("an NGO token needs an organization key", nameof(organization));
        if (role != Role.Ngo && organization is not null)
            throw new ArgumentException("only NGO tokens carry an organization", nameof(organization));
        var ttl = lifetime ?? DefaultLifetime;
        if (ttl <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lifetime), "the lifetime must be positive");

        var issued = now ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [AuthClaims.SubjectClaim] = subject,
            [AuthClaims.RoleClaim] = AuthClaims.ClaimValue(role),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (organization is not null)
            claims[AuthClaims.OrganizationClaim] = organization;
        return Sign(new SecurityTokenDescriptor { Claims = claims, IssuedAt = issued, NotBefore = issued, Expires = issued + ttl });
    }

    /// <summary>
    /// Signs a descriptor with the development key; <c>iss</c> and <c>aud</c> default to the configured ones.
    /// For tests that need tokens with unusual claims or times.
    /// </summary>
    public string Sign(SecurityTokenDescriptor descriptor)
    {
        descriptor.Issuer ??= _options.EffectiveIssuer;
        descriptor.Audience ??= _options.EffectiveAudience;
        descriptor.SigningCredentials ??= new SigningCredentials(SigningKey(_options)!, SecurityAlgorithms.HmacSha256);
        return Handler.CreateToken(descriptor);
    }
}
