using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PovertyGraph.Data;

namespace PovertyGraph.Server.Health;

/// <summary>
/// Ready only when the database holds a built dataset with a known version. The first-run build writes that row
/// last, in the same transaction as the data, so this stays unhealthy until a build has committed.
/// </summary>
public sealed class DatasetHealthCheck(IDbContextFactory<PovertyGraphDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Database.CanConnectAsync(cancellationToken))
            return HealthCheckResult.Unhealthy("not checked: the database is unreachable");
        var dataset = await db.DatasetInfo
            .OrderBy(d => d.Id)
            .Select(d => new { d.Version, d.Profile, d.BuiltAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (dataset is null || string.IsNullOrEmpty(dataset.Version))
            return HealthCheckResult.Unhealthy("no dataset: the database has not been built");
        return HealthCheckResult.Healthy($"dataset {dataset.Version} ({dataset.Profile} profile)", new Dictionary<string, object>
        {
            ["version"] = dataset.Version,
            ["profile"] = dataset.Profile,
            ["builtAt"] = dataset.BuiltAt,
        });
    }
}
