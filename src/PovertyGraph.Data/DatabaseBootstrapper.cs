using System.Data.Common;
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
/// the next start builds again, never a half-filled one. Everything is written to the primary; with read replicas,
/// it then waits until they serve the same dataset. Servers starting together on an empty database migrate and build it
/// once: on PostgreSQL they take turns (<see cref="PostgresStartLock"/>); on SQLite the build's transaction holds the
/// write lock (BEGIN IMMEDIATE) and looks again inside it whether another server has built meanwhile.
/// </summary>
public sealed class DatabaseBootstrapper(PrimaryDbContextFactory primary, IDbContextFactory<PovertyGraphDbContext> reads, DatabaseOptions options)
{
    public const string DatasetVersion = "1.1.0";

    /// <summary>Longest wait for read replicas to replay a build before the server starts anyway (readiness then says so).</summary>
    public static readonly TimeSpan ReplicaWait = TimeSpan.FromSeconds(60);

    /// <returns>True when the database was built by this call.</returns>
    public bool EnsureReady(Action<string>? progress = null)
    {
        progress ??= _ => { };
        var profile = DatasetProfile.From(options); // a bad profile is refused before anything is written
        using var db = primary.CreateDbContext();
        if (db.Database.IsNpgsql()) PostgresDatabaseCreation.EnsureExists(options.ConnectionString, progress);
        bool built;
        using (db.Database.IsNpgsql() ? PostgresStartLock.Take(options.ConnectionString) : null)
        {
            db.Database.Migrate();
            built = !db.DatasetInfo.Any() && Build(db, profile, progress);
        }
        if (options.ReadReplicas.Count > 0) WaitForReplicas(db, progress);
        return built;
    }

    private bool Build(PovertyGraphDbContext db, DatasetProfile profile, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
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
            if (db.DatasetInfo.Any())
            {
                progress("the dataset was built by another server meanwhile");
                return false;
            }
            progress($"building the {profile.Label} dataset from {Path.GetFullPath(options.SeedDataPath)} (seed {options.GeneratorSeed})");
            var writer = new BulkWriter(db, tx.GetDbTransaction());
            var importer = new SeedImporter(db);
            var (rows, errors) = importer.Validate(options.SeedDataPath);
            if (errors.Count > 0) throw new ImportException(errors);
            var imported = importer.Write(rows, writer);
            progress($"imported {imported.Total:N0} rows from {imported.RowsByFile.Count} seed files");

            var totals = PublishedTotals.Load(options.SeedDataPath);
            var generated = new SyntheticDataGenerator(db, writer, totals, options.GeneratorSeed, progress).Generate(profile.ProvinceScale);
            var replicas = new ProvinceReplicas(db, writer, options.GeneratorSeed, progress).Generate(profile.Scale);

            writer.Insert([new DatasetInfo
            {
                Id = 1, Version = DatasetVersion, Profile = profile.Label, BuiltAt = DateTimeOffset.UtcNow,
                GeneratorSeed = options.GeneratorSeed, SeedChecksum = SeedChecksum(options.SeedDataPath),
                BuildSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            }]);
            DatasetChangelog.Record(db, "build", before: null);
            tx.Commit();
            progress($"built in {clock.Elapsed.TotalSeconds:F1} s: {generated.Households + replicas.Households:N0} households, " +
                     $"{generated.Persons + replicas.Persons:N0} persons, {generated.Villages:N0} placeholder villages, {generated.Projects} projects" +
                     (replicas.Replicas > 0 ? $"; {replicas.Replicas} replicas of the province with {replicas.Villages:N0} villages" : ""));
            return true;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    /// <summary>Waits (at most <see cref="ReplicaWait"/>) until reads see the dataset the primary holds.</summary>
    private void WaitForReplicas(PovertyGraphDbContext db, Action<string> progress)
    {
        var expected = Dataset(db);
        var clock = Stopwatch.StartNew();
        var said = false;
        while (true)
        {
            string? seen;
            try
            {
                using var read = reads.CreateDbContext();
                seen = Dataset(read);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                seen = null; // a replica that is still starting
            }
            if (seen == expected) break;
            if (clock.Elapsed > ReplicaWait)
            {
                progress($"the read replicas do not serve dataset {expected} after {ReplicaWait.TotalSeconds:F0} s; starting anyway (/health/ready tells)");
                return;
            }
            if (!said) progress($"waiting for the read replicas to replay dataset {expected}");
            said = true;
            Thread.Sleep(200);
        }
        if (said) progress($"the read replicas serve dataset {expected} after {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static string? Dataset(PovertyGraphDbContext db) =>
        db.DatasetInfo.Current().Select(d => new { d.Version, d.BuiltAt }).FirstOrDefault() is { } d ? $"{d.Version} built {d.BuiltAt:O}" : null;

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
