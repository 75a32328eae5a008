using Microsoft.EntityFrameworkCore;

namespace PovertyGraph.Data;

/// <summary>
/// Every import gives the dataset a new version (<c>dataset { version }</c>), in the import's own transaction, so an
/// HTTP cache validating its ETag (which includes the version) never keeps figures from before an import. The build
/// writes <see cref="DatabaseBootstrapper.DatasetVersion"/>; each import adds one to its last number (1.0.0 → 1.0.1).
/// </summary>
public static class DatasetVersioning
{
    /// <summary>Moves the dataset to its next version; nothing when the database has not been built yet.</summary>
    public static void Bump(PovertyGraphDbContext db)
    {
        var info = db.DatasetInfo.AsTracking().Current().FirstOrDefault();
        if (info == null) return;
        info.Version = Next(info.Version);
        db.SaveChanges();
    }

    /// <summary>The version after <paramref name="version"/>: its last dot-separated number plus one (a ".1" is added when it has none).</summary>
    public static string Next(string version)
    {
        var dot = version.LastIndexOf('.');
        return int.TryParse(version[(dot + 1)..], out var last) && last < int.MaxValue
            ? version[..(dot + 1)] + (last + 1)
            : version + ".1";
    }
}
