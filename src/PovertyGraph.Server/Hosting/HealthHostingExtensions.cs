using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PovertyGraph.Data;
using PovertyGraph.Server.Health;

namespace PovertyGraph.Server.Hosting;

/// <summary>
/// <c>GET /health/live</c> (the process answers) and <c>GET /health/ready</c> (database reachable, migrations
/// applied, dataset version known): 200 or 503 with a small JSON body (<see cref="HealthResponseWriter"/>).
/// </summary>
public static class HealthHostingExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    /// <summary>A check that does not answer in this time counts as failed (a hung database must not hang the probe).</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IHostApplicationBuilder AddPovertyGraphHealthChecks(this IHostApplicationBuilder builder)
    {
        // EF Core's check resolves a context per probe; ours come from the pooled factory.
        builder.Services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>().CreateDbContext());
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PovertyGraphDbContext>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<DatasetHealthCheck>("dataset", tags: [ReadyTag], timeout: CheckTimeout);
        builder.Services.Configure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations) registration.Timeout = CheckTimeout;
        });
        return builder;
    }

    public static WebApplication MapPovertyGraphHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .WithDisplayName("Health: live");
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).WithDisplayName("Health: ready");
        return app;
    }
}
