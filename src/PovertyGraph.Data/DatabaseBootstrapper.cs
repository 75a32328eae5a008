using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PovertyGraph.Data.Generation;
using PovertyGraph.Data.Import;

namespace PovertyGraph.Data;

/// <summary>
/// Brings the database to the current schema (migrations) and, on first run, fills it: seed-data import
/// plus synthetic generation, in one transaction, so an interrupted build leaves an empty database that
/// the next start builds again, never a half-filled one.
/// </summary>
public sealed class DatabaseBootstrapper(IDbContextFactory<PovertyGraphDbContext> factory, DatabaseOptions options)
{
    public const string DatasetVersion = "1.1.0";

    /// <returns>True when the database was built by this call.</returns>
    public bool EnsureReady(Action<string>? progress = null)
    {
        progress ??= _ => { };
        using var db = factory.CreateDbContext();
        if (db.Database.IsNpgsql()) PostgresDatabaseCreation.EnsureExists(options.ConnectionString, progress);
        db.Database.Migrate();
        if (db.DatasetInfo.Any()) return false;
        Build(db, progress);
        return true;
    }

    private void Build(PovertyGraphDbContext db, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        progress($"building the {options.Profile} dataset from {Path.GetFullPath(options.SeedDataPath)} (seed {options.GeneratorSeed})");
        db.Database.OpenConnection();
        try
        {
            if (db.Database.IsSqlite())
            {
                // Bulk build: durability is provided by the single transaction, not by per-statement syncs.
                db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
                db.Database.ExecuteSqlRaw("PRAGMA synchronous=NORMAL;");
            }
            using var tx = db.Database.BeginTransaction();
            var writer = new BulkWriter(db, tx.GetDbTransaction());
            var importer = new SeedImporter(db);
            var (rows, errors) = importer.Validate(options.SeedDataPath);
            if (errors.Count > 0) throw new ImportException(errors);
            var imported = importer.Write(rows, writer);
            progress($"imported {imported.Total:N0} rows from {imported.RowsByFile.Count} seed files");

            var totals = PublishedTotals.Load(options.SeedDataPath);
            var provinceScale = !string.Equals(options.Profile, "jiaohe", StringComparison.OrdinalIgnoreCase);
            var generated = new SyntheticDataGenerator(db, writer, totals, options.GeneratorSeed, progress).Generate(provinceScale);

            writer.Insert([new DatasetInfo
            {
                Id = 1, Version = DatasetVersion, Profile = provinceScale ? "province" : "jiaohe", BuiltAt = DateTimeOffset.UtcNow,
                GeneratorSeed = options.GeneratorSeed, SeedChecksum = SeedChecksum(options.SeedDataPath),
                BuildSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            }]);
            DatasetChangelog.Record(db, "build", before: null);
            tx.Commit();
            progress($"built in {clock.Elapsed.TotalSeconds:F1} s: {generated.Households:N0} households, {generated.Persons:N0} persons, " +
                     $"{generated.Villages:N0} placeholder villages, {generated.Projects} projects");
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    /// <summary>SHA-256 over the seed CSV files, name and content, in name order.</summary>
    public static string SeedChecksum(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
