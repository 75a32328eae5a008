using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.Data.Import;
using PovertyGraph.Domain;
using PovertyGraph.Tests.Data;

namespace PovertyGraph.Tests.Postgres;

/// <summary>
/// All or nothing on PostgreSQL: a build, an import or a bulk load that the database refuses part-way leaves every
/// table as it was, including the indexes and foreign keys a large load takes off while it copies. The refusals are
/// made by the database itself (a CHECK constraint added by the test, rows that break a foreign key), after other
/// tables were already copied in the same transaction. A refusal aborts PostgreSQL's transaction, which then rolls back
/// whatever the code does; so a build and an import are also stopped by the process itself, which leaves the
/// transaction healthy (<see cref="InterruptedWrites"/>, shared with the SQLite run).
/// </summary>
[Collection(PostgresDatabaseCollection.Name)]
public sealed class PostgresRollbackTests(PostgresDatabaseFixture fixture)
{
    [PostgresFact]
    public void A_build_refused_while_copying_persons_leaves_every_table_empty_and_the_next_start_builds()
    {
        using var database = TestDatabase.CreatePostgres("failedbuild");
        using var services = PostgresDatabaseFixture.Services(database);
        using (var db = PostgresDatabaseFixture.Context(services))
        {
            db.Database.Migrate();
            // Persons come last but one: every seed table, the villages and the households are copied before it fails.
            db.Database.ExecuteSqlRaw("ALTER TABLE \"Persons\" ADD CONSTRAINT test_refuses CHECK (\"Id\" <> 11000)");
        }
        var schema = Schema(database, "Persons");
        var bootstrapper = services.GetRequiredService<DatabaseBootstrapper>();
        var error = Assert.ThrowsAny<Exception>(() => bootstrapper.EnsureReady());
        Assert.Contains("test_refuses", error.GetBaseException().Message);

        using (var connection = database.Open())
        {
            foreach (var table in new[] { "SourceDocuments", "Counties", "Villages", "Households", "Persons", "DatasetInfo" })
                Assert.Equal(0, connection.Scalar($"SELECT COUNT(*) FROM \"{table}\""));
        }

        Assert.Equal(schema, Schema(database, "Persons")); // the deferred indexes and keys came back with the rollback

        using (var db = PostgresDatabaseFixture.Context(services))
            db.Database.ExecuteSqlRaw("ALTER TABLE \"Persons\" DROP CONSTRAINT test_refuses");
        Assert.True(bootstrapper.EnsureReady());
        using (var connection = database.Open())
            Assert.Equal(11_609, connection.Scalar("SELECT COUNT(*) FROM \"Persons\""));
    }

    [PostgresFact]
    public void A_build_stopped_by_the_process_after_each_stage_leaves_every_table_empty_and_the_next_start_builds()
    {
        using var database = TestDatabase.CreatePostgres("stoppedbuild");
        using var services = PostgresDatabaseFixture.Services(database);
        InterruptedWrites.AssertBuildLeavesNothing(services, () => database.Open());
    }

    [PostgresFact]
    public void An_import_stopped_by_the_process_after_each_file_leaves_the_database_as_it_was()
    {
        using var database = fixture.FreshCopy("stoppedimport");
        using var services = PostgresDatabaseFixture.Services(database);
        var folder = DataTestSupport.NewTempFolder("pgstoppedimport");
        try
        {
            InterruptedWrites.AssertImportLeavesNothing(services, () => database.Open(), Path.Combine(folder, "csv"));
        }
        finally
        {
            DataTestSupport.DeleteQuietly(folder);
        }
    }

    [PostgresFact]
    public void A_large_load_whose_foreign_keys_fail_after_the_copy_rolls_back_with_its_indexes()
    {
        using var database = fixture.FreshCopy("badkeys");
        using var services = PostgresDatabaseFixture.Services(database);
        using (var db = PostgresDatabaseFixture.Context(services)) db.Database.ExecuteSqlRaw("DELETE FROM \"Persons\"");
        var schema = Schema(database, "Persons");
        using (var db = PostgresDatabaseFixture.Context(services))
        {
            db.Database.OpenConnection();
            using var tx = db.Database.BeginTransaction();
            var orphans = Enumerable.Range(1, 12_000).Select(id => new Person
            {
                Id = id, HouseholdId = id == 11_999 ? 999_999 : 1, Name = "测试", IdNumber = "220281199001019001", SyntheticFields = "",
            }).ToList();
            var error = Assert.ThrowsAny<Exception>(() => new BulkWriter(db, tx.GetDbTransaction()).Insert(orphans));
            Assert.Contains("FK_Persons_Households_HouseholdId", error.GetBaseException().Message);
        }
        using (var connection = database.Open())
            Assert.Equal(0, connection.Scalar("SELECT COUNT(*) FROM \"Persons\""));
        Assert.Equal(schema, Schema(database, "Persons"));
    }

    [PostgresFact]
    public void An_import_is_written_whole_and_one_the_database_refuses_writes_nothing()
    {
        using var database = fixture.FreshCopy("import");
        var folder = DataTestSupport.NewTempFolder("pgimport");
        try
        {
            Write(folder, "counties.csv", County(100, "测试县"));
            Write(folder, "townships.csv", Township(9000, 100, "测试镇"));
            using var services = PostgresDatabaseFixture.Services(database);
            using (var db = PostgresDatabaseFixture.Context(services))
                db.Database.ExecuteSqlRaw("ALTER TABLE \"Townships\" ADD CONSTRAINT test_refuses CHECK (\"Name\" <> '拒绝镇')");
            using var model = PostgresDatabaseFixture.Context(services);
            SortedDictionary<string, string> Contents()
            {
                using var connection = database.Open();
                return TableContents.Checksums(connection, model);
            }

            var before = Contents();
            using (var db = PostgresDatabaseFixture.Context(services))
                Assert.Equal(2, new SeedImporter(db).Import(folder).Total);
            var imported = Contents();
            Assert.NotEqual(before["Counties"], imported["Counties"]);
            Assert.NotEqual(before["Townships"], imported["Townships"]);

            // The county is copied first; then the database refuses the township, and the county goes with it.
            Write(folder, "counties.csv", County(101, "测试二县"));
            Write(folder, "townships.csv", Township(9001, 101, "拒绝镇"));
            using (var db = PostgresDatabaseFixture.Context(services))
                Assert.Contains("test_refuses", Assert.ThrowsAny<Exception>(() => new SeedImporter(db).Import(folder)).GetBaseException().Message);
            Assert.Equal(imported, Contents());
        }
        finally
        {
            DataTestSupport.DeleteQuietly(folder);
        }
    }

    private static string[] County(int id, string name) => Csv("counties.csv",
        new() { ["id"] = $"{id}", ["prefectureId"] = "2", ["name"] = name, ["namePinyin"] = "Ceshi", ["kind"] = "COUNTY" });

    private static string[] Township(int id, int county, string name) => Csv("townships.csv",
        new() { ["id"] = $"{id}", ["countyId"] = $"{county}", ["name"] = name, ["namePinyin"] = "Ceshi", ["kind"] = "TOWN" });

    /// <summary>A header (the repository's seed file's, so the rows follow the seed format) and one row of it.</summary>
    private static string[] Csv(string file, Dictionary<string, string> values)
    {
        values["source"] = "jl-plan-2016-2020";
        values["reference"] = "test row";
        values["synthetic"] = "false";
        var header = File.ReadLines(Path.Combine(DataTestSupport.SeedDataPath, file)).First().TrimStart('\uFEFF');
        return [header, string.Join(",", header.Split(',').Select(c => values.GetValueOrDefault(c, "")))];
    }

    private static void Write(string folder, string file, string[] lines) =>
        File.WriteAllText(Path.Combine(folder, file), string.Join("\n", lines) + "\n", new UTF8Encoding(false));

    private static List<string> Schema(TestDatabase database, string table)
    {
        using var connection = database.Open();
        return connection.Rows($"""
                SELECT indexdef FROM pg_indexes WHERE tablename = '{table}'
                UNION ALL
                SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"{table}"'::regclass
                """).Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToList();
    }
}
