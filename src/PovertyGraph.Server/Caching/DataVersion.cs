using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;

namespace PovertyGraph.Server.Caching;

/// <summary>
/// The version of the data being served, as one opaque string for ETags: the dataset's version (changed by every
/// import) and the time it was built (changed by every rebuild). Read from the database, and trusted for at most
/// <see cref="HttpCachingOptions.VersionCheckMilliseconds"/>, so a server notices an import made by another process
/// within that time. It is read before a request runs, so an ETag never names data newer than the answer it tags.
/// </summary>
public sealed class DataVersion(IDbContextFactory<PovertyGraphDbContext> factory, HttpCachingOptions options, TimeProvider time)
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private sealed record Reading(string Version, DateTimeOffset At);
    private volatile Reading? _last;

    /// <summary>Raised with each version read from the database (a seam for tests).</summary>
    public event Action<string>? Read;

    public async ValueTask<string> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } known) return known;
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } readMeanwhile) return readMeanwhile;
            await using var db = factory.CreateDbContext();
            var version = await db.StampAsync(cancellationToken);
            _last = new Reading(version, time.GetUtcNow());
            Read?.Invoke(version);
            return version;
        }
        finally
        {
            _reading.Release();
        }
    }

    private string? Fresh() =>
        _last is { } last && options.VersionCheckMilliseconds > 0 && time.GetUtcNow() - last.At < TimeSpan.FromMilliseconds(options.VersionCheckMilliseconds)
            ? last.Version
            : null;
}
