using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PovertyGraph.Data;

namespace PovertyGraph.Server.Health;

/// <summary>Ready only when every migration the server knows is applied to the database.</summary>
public sealed class MigrationsHealthCheck(IDbContextFactory<PovertyGraphDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        // Asked first: reading the migration history of a SQLite file that is gone would create an empty one.
        if (!await db.Database.CanConnectAsync(cancellationToken))
            return HealthCheckResult.Unhealthy("not checked: the database is unreachable");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var known = db.Database.GetMigrations().Count();
        return pending.Count == 0
            ? HealthCheckResult.Healthy($"{known} of {known} migrations applied")
            : HealthCheckResult.Unhealthy($"{pending.Count} of {known} migrations not applied (first: {pending[0]})");
    }
}
