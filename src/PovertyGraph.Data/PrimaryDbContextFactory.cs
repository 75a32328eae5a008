using Microsoft.EntityFrameworkCore;

namespace PovertyGraph.Data;

/// <summary>
/// Contexts on the primary database, for everything that writes: migrations, the first-run build, <c>import</c> and
/// audit entries. Everything else reads through <see cref="IDbContextFactory{TContext}"/> of
/// <see cref="PovertyGraphDbContext"/>, which goes to a streaming replica when <c>Database:ReadReplicas</c> names any
/// (<see cref="ReadReplicaDataSource"/>) and to the primary otherwise; without replicas both are the same pool.
/// </summary>
public sealed class PrimaryDbContextFactory(Func<PovertyGraphDbContext> create) : IDbContextFactory<PovertyGraphDbContext>
{
    public PovertyGraphDbContext CreateDbContext() => create();
}
