using System.Text;
using Microsoft.Extensions.Options;

namespace PovertyGraph.Server.Auth;

/// <summary>
/// The <c>Auth</c> configuration section. Without <see cref="Authority"/> the server accepts HS256 tokens signed
/// with <see cref="DevelopmentKey"/> (what the <c>token</c> command mints); with it, only tokens issued by that
/// OpenID Connect authority (keys from its discovery document) are accepted and the development key is ignored.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string DefaultIssuer = "povertygraph-development";
    public const string DefaultAudience = "povertygraph";
    public const int MinimumKeyBytes = 32;

    /// <summary>Symmetric HS256 key (UTF-8, at least 32 bytes) for development tokens. Not a secret: replace it, or set <see cref="Authority"/>.</summary>
    public string? DevelopmentKey { get; set; }

    /// <summary>Expected <c>iss</c>. Default <c>povertygraph-development</c> for development tokens; with an authority, the authority's issuer unless set.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c> (default <c>povertygraph</c>).</summary>
    public string? Audience { get; set; }

    /// <summary>OIDC authority URL (production). When set, tokens are validated against its discovery document and JWKS.</summary>
    public string? Authority { get; set; }

    /// <summary>Whether the authority's metadata must be fetched over HTTPS (default true; false only for local test authorities).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerated clock difference when checking <c>exp</c> and <c>nbf</c>, in seconds (default 30).</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    public bool UsesAuthority => !string.IsNullOrWhiteSpace(Authority);
    public string EffectiveIssuer => string.IsNullOrWhiteSpace(Issuer) ? DefaultIssuer : Issuer!;
    public string EffectiveAudience => string.IsNullOrWhiteSpace(Audience) ? DefaultAudience : Audience!;
    public TimeSpan ClockSkew => TimeSpan.FromSeconds(ClockSkewSeconds);

    public byte[] DevelopmentKeyBytes() => Encoding.UTF8.GetBytes(DevelopmentKey ?? "");

    /// <summary>The configuration problems, if any (empty when usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (UsesAuthority)
        {
            if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                problems.Add("Auth:Authority must be an absolute http(s) URL.");
            else if (RequireHttpsMetadata && uri.Scheme != Uri.UriSchemeHttps)
                problems.Add("Auth:Authority must use https unless Auth:RequireHttpsMetadata is false.");
        }
        else if (DevelopmentKeyBytes().Length < MinimumKeyBytes)
        {
            problems.Add($"Auth:DevelopmentKey must be at least {MinimumKeyBytes} bytes (UTF-8) when Auth:Authority is not set.");
        }
        if (ClockSkewSeconds is < 0 or > 600)
            problems.Add("Auth:ClockSkewSeconds must be between 0 and 600.");
        return problems;
    }

    public static AuthOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AuthOptions>() ?? new AuthOptions();
}

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
