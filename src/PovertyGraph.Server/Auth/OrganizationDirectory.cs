using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;

namespace PovertyGraph.Server.Auth;

/// <summary>
/// Partner villages of each organisation, by the key NGO tokens carry in <c>org</c>. Organisations do not change
/// while the server runs, so a found organisation is cached for the process; an unknown key is looked up again
/// each time (nothing an unknown caller sends is kept).
/// </summary>
public sealed class OrganizationDirectory
{
    private readonly IDbContextFactory<PovertyGraphDbContext> _contexts;
    private readonly ConcurrentDictionary<string, IReadOnlySet<int>> _byKey = new(StringComparer.Ordinal);

    public OrganizationDirectory(IDbContextFactory<PovertyGraphDbContext> contexts) => _contexts = contexts;

    /// <summary>The IDs of the organisation's partner villages, or null when no organisation has that key.</summary>
    public async ValueTask<IReadOnlySet<int>?> FindPartnerVillagesAsync(string key, CancellationToken cancellationToken = default)
    {
        if (_byKey.TryGetValue(key, out var cached))
            return cached;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var organizationId = await db.Organizations.AsNoTracking().Where(o => o.Key == key).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (organizationId is null)
            return null;
        var villages = await db.OrganizationVillages.AsNoTracking().Where(ov => ov.OrganizationId == organizationId)
            .Select(ov => ov.VillageId).ToListAsync(cancellationToken);
        return _byKey.GetOrAdd(key, villages.ToFrozenSet());
    }

    /// <summary>Synchronous <see cref="FindPartnerVillagesAsync"/> (a cache hit once the request's token has been checked).</summary>
    public IReadOnlySet<int>? FindPartnerVillages(string key)
    {
        if (_byKey.TryGetValue(key, out var cached))
            return cached;
        return FindPartnerVillagesAsync(key).AsTask().GetAwaiter().GetResult();
    }
}
