using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Server.Auth;

/// <summary>Bearer JWT authentication (see <see cref="AuthOptions"/> and <see cref="BearerTokenGate"/>).</summary>
public static class AuthHostingExtensions
{
    /// <summary>Algorithms accepted from an OIDC authority's keys (asymmetric only).</summary>
    public static readonly string[] AuthorityAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>
    /// Registers JwtBearer bound to the <c>Auth</c> section and <see cref="HttpViewerAccessor"/> as the
    /// <see cref="IViewerAccessor"/> (replacing the PUBLIC default, before or after AddPovertyGraphGraphQL).
    /// </summary>
    public static IHostApplicationBuilder AddPovertyGraphAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));

        services.AddHttpContextAccessor();
        services.TryAddSingleton<OrganizationDirectory>();
        services.TryAddSingleton<ViewerResolver>();
        services.Replace(ServiceDescriptor.Scoped<IViewerAccessor, HttpViewerAccessor>());
        return builder;
    }

    /// <summary>Authenticates every request; an Authorization header that is not a valid bearer token is answered 401.</summary>
    public static WebApplication UsePovertyGraphAuth(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PovertyGraph.Auth");
        if (auth.UsesAuthority)
        {
            log.LogInformation("Auth: accepting tokens from the OIDC authority {Authority} for audience {Audience}", auth.Authority, auth.EffectiveAudience);
        }
        else
        {
            log.LogWarning("Auth: accepting development tokens (HS256, Auth:DevelopmentKey, issuer {Issuer}); set Auth:Authority in production",
                auth.EffectiveIssuer);
        }

        app.UseAuthentication();
        app.UseMiddleware<BearerTokenGate>();
        return app;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth)
    {
        jwt.MapInboundClaims = false;
        jwt.IncludeErrorDetails = false;
        jwt.SaveToken = false;
        var parameters = jwt.TokenValidationParameters;
        parameters.NameClaimType = AuthClaims.SubjectClaim;
        parameters.RoleClaimType = AuthClaims.RoleClaim;
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ValidateIssuerSigningKey = true;
        parameters.ClockSkew = auth.ClockSkew;
        parameters.ValidAudience = auth.EffectiveAudience;

        if (auth.UsesAuthority)
        {
            // Keys and issuer come from the authority's discovery document; the development key is not configured.
            jwt.Authority = auth.Authority!.TrimEnd('/');
            jwt.Audience = auth.EffectiveAudience;
            jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
            if (!string.IsNullOrWhiteSpace(auth.Issuer))
                parameters.ValidIssuer = auth.Issuer;
            parameters.ValidAlgorithms = AuthorityAlgorithms;
            parameters.IssuerSigningKey = null;
            parameters.IssuerSigningKeys = null;
        }
        else
        {
            jwt.Authority = null;
            parameters.ValidIssuer = auth.EffectiveIssuer;
            parameters.IssuerSigningKey = DevelopmentTokens.SigningKey(auth);
            parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
    }
}
