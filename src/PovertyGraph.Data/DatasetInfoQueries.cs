using Microsoft.EntityFrameworkCore;

namespace PovertyGraph.Data;

public static class DatasetInfoQueries
{
    /// <summary>What a stamp says before the database has been built.</summary>
    public const string Unbuilt = "unbuilt";

    /// <summary>The dataset's one row, asked for in a fixed order (EF warns about First without OrderBy otherwise).</summary>
    public static IQueryable<DatasetInfo> Current(this IQueryable<DatasetInfo> rows) => rows.OrderBy(d => d.Id);

    /// <summary>
    /// The data's version as one opaque string: the dataset's version (changed by every import) and the time it was
    /// built (changed by every rebuild), or <see cref="Unbuilt"/>.
    /// </summary>
    public static string Stamp(this PovertyGraphDbContext db) => Format(Row(db).FirstOrDefault());

    /// <inheritdoc cref="Stamp"/>
    public static async Task<string> StampAsync(this PovertyGraphDbContext db, CancellationToken cancellationToken) =>
        Format(await Row(db).FirstOrDefaultAsync(cancellationToken));

    /// <summary>A <see cref="Stamp"/> read back as the version and the build's time (none for <see cref="Unbuilt"/>).</summary>
    public static (string Version, DateTimeOffset? BuiltAt) ParseStamp(string stamp)
    {
        var bar = stamp.IndexOf('|');
        if (bar < 0 || !long.TryParse(stamp[(bar + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks))
        {
            return (stamp, null);
        }

        return (stamp[..bar], new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    private sealed record VersionRow(string Version, DateTimeOffset BuiltAt);

    private static IQueryable<VersionRow> Row(PovertyGraphDbContext db) =>
        db.DatasetInfo.AsNoTracking().Current().Select(d => new VersionRow(d.Version, d.BuiltAt));

    private static string Format(VersionRow? row) => row == null ? Unbuilt : $"{row.Version}|{row.BuiltAt.UtcTicks}";
}
