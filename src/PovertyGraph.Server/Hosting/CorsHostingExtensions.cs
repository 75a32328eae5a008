using Microsoft.Net.Http.Headers;
using PovertyGraph.Server.Telemetry;

namespace PovertyGraph.Server.Hosting;

/// <summary>
/// Cross-origin requests from the origins in <c>Cors:AllowedOrigins</c> (<see cref="CrossOriginOptions"/>), for
/// front ends served from elsewhere: GET and POST with any request header (Authorization among them; no cookies are
/// used, so credentials are not allowed), and the response headers a client needs readable. No origins: no CORS.
/// </summary>
public static class CorsHostingExtensions
{
    /// <summary>Response headers a cross-origin script may read beyond the safelisted ones.</summary>
    public static readonly string[] ExposedHeaders =
    [
        RequestIdMiddleware.HeaderName, HeaderNames.ETag, HeaderNames.RetryAfter, HeaderNames.WWWAuthenticate, "X-Receipt",
    ];

    public static IHostApplicationBuilder AddPovertyGraphCors(this IHostApplicationBuilder builder)
    {
        var options = CrossOriginOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (options.AllowedOrigins.Count == 0) return builder;
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (options.AllowsAnyOrigin) policy.AllowAnyOrigin();
            else policy.WithOrigins(options.AllowedOrigins.ToArray());
            policy.WithMethods(HttpMethods.Get, HttpMethods.Post)
                .AllowAnyHeader()
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromSeconds(options.PreflightMaxAgeSeconds));
        }));
        return builder;
    }

    /// <summary>Before authentication, so that preflights are answered and refusals (401) stay readable cross-origin.</summary>
    public static WebApplication UsePovertyGraphCors(this WebApplication app)
    {
        if (app.Services.GetRequiredService<CrossOriginOptions>().AllowedOrigins.Count > 0) app.UseCors();
        return app;
    }
}
