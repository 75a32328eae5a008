using Microsoft.AspNetCore.RateLimiting;
using PovertyGraph.Server.RateLimiting;

namespace PovertyGraph.Server.Hosting;

public static class RateLimitingHostingExtensions
{
    /// <summary>Rate limits per caller ("RateLimiting"), on ASP.NET Core's rate limiter.</summary>
    public static IHostApplicationBuilder AddPovertyGraphRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ConfigurationSections.Bind<RateLimitingOptions>(builder.Configuration, RateLimitingOptions.Section, o => o.Problems()));
        builder.Services.AddSingleton<CallerRateLimits>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimits>((options, limits) => limits.Configure(options));
        return builder;
    }

    /// <summary>After authentication, so that a token holder is limited by its subject.</summary>
    public static WebApplication UsePovertyGraphRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
