using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.Data.Import;

namespace PovertyGraph.Tests.Data;

/// <summary>
/// All or nothing on SQLite: a first-run build or an <c>import</c> that fails after it has written rows leaves no row
/// behind. Two kinds of failure: the process's own (a progress callback throws, <see cref="InterruptedWrites"/>, shared
/// with <c>Postgres/PostgresRollbackTests</c>), and the database's (as the PostgreSQL tests' CHECK constraints): here a
/// trigger, since SQLite cannot add a constraint to a table. Its condition looks at rows the same transaction wrote
/// earlier, so it fires only once they are there: the failure is provably mid-write. It aborts the statement only
/// (RAISE(ABORT)), leaving the transaction to the code under test.
/// </summary>
[Collection(JiaoheDatabaseCollection.Name)]
public sealed class InterruptedWriteTests(JiaoheDatabaseFixture fixture) : IDisposable
{
    private const string CountyHeader = "id,prefectureId,name,namePinyin,code,kind,contiguousArea,nationalContiguousArea,source,reference,synthetic,syntheticFields";
    private const string TownshipHeader = "id,countyId,name,namePinyin,code,kind,source,reference,synthetic,syntheticFields";

    private readonly string _temp = DataTestSupport.NewTempFolder("interrupted");

    public void Dispose() => DataTestSupport.DeleteQuietly(_temp);

    [Fact]
    public void A_build_stopped_after_each_stage_leaves_every_table_empty_and_the_next_start_builds()
    {
        var path = Path.Combine(_temp, "stopped.db");
        using var services = new ServiceCollection().AddPovertyGraphData(DataTestSupport.Options(path)).BuildServiceProvider();
        InterruptedWrites.AssertBuildLeavesNothing(services, () => DataTestSupport.Open(path));
    }

    [Fact]
    public void An_import_stopped_after_each_file_leaves_the_database_as_it_was()
    {
        var database = fixture.FreshCopy(_temp);
        using var services = new ServiceCollection().AddPovertyGraphData(DataTestSupport.Options(database)).BuildServiceProvider();
        InterruptedWrites.AssertImportLeavesNothing(services, () => DataTestSupport.Open(database), Path.Combine(_temp, "stopped-csv"));
    }

    [Fact]
    public void A_build_that_fails_after_writing_rows_leaves_every_table_empty_and_the_next_start_builds()
    {
        var path = Path.Combine(_temp, "build.db");
        using var services = new ServiceCollection().AddPovertyGraphData(DataTestSupport.Options(path)).BuildServiceProvider();
        using (var db = services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>().CreateDbContext())
            db.Database.Migrate();
        // Person 11,000 is refused once the seed tables, the villages, the households and 10,999 persons are written.
        Refuse(path, "Persons", """
            NEW."Id" = 11000 AND (SELECT COUNT(*) FROM "Persons") = 10999
            AND EXISTS (SELECT 1 FROM "Households") AND EXISTS (SELECT 1 FROM "Villages") AND EXISTS (SELECT 1 FROM "SourceDocuments")
            """);
        var before = DataTestSupport.TableChecksums(path);
        var bootstrapper = services.GetRequiredService<DatabaseBootstrapper>();

        var error = Assert.ThrowsAny<Exception>(() => bootstrapper.EnsureReady());

        Assert.Contains("test_refuses", error.GetBaseException().Message);
        Assert.Equal(before, DataTestSupport.TableChecksums(path));
        Assert.Equal(0, DataTestSupport.RowCounts(path).Where(t => !t.Key.StartsWith("__EF", StringComparison.Ordinal)).Sum(t => t.Value));

        // Nothing half-built is mistaken for a built database: the next start builds it whole.
        Execute(path, "DROP TRIGGER test_refuses");
        Assert.True(bootstrapper.EnsureReady());
        var counts = DataTestSupport.RowCounts(path);
        Assert.Equal(5832, counts["Households"]);
        Assert.Equal(11_609, counts["Persons"]);
        Assert.Equal(1, counts["DatasetInfo"]);
    }

    /// <summary>
    /// The <c>import</c> command, stopped after the county it adds is written (the township after it is refused) or
    /// after every row (the dataset version is refused): it exits 1 saying nothing was written, and nothing was.
    /// </summary>
    [Theory]
    [InlineData("Townships", "INSERT", """NEW."Name" = '拒绝镇' AND EXISTS (SELECT 1 FROM "Counties" WHERE "Id" = 101)""")]
    [InlineData("DatasetInfo", "UPDATE", """EXISTS (SELECT 1 FROM "Counties" WHERE "Id" = 101) AND EXISTS (SELECT 1 FROM "Townships" WHERE "Id" = 9001)""")]
    public void An_import_that_fails_after_writing_rows_leaves_the_database_as_it_was(string table, string operation, string condition)
    {
        var database = fixture.FreshCopy(_temp);
        var folder = Path.Combine(_temp, "csv");
        Directory.CreateDirectory(folder);
        Write(folder, "counties.csv", CountyHeader, "101,2,测试二县,Ceshi,,COUNTY,,,jl-plan-2016-2020,test row,false,");
        Write(folder, "townships.csv", TownshipHeader, "9001,101,拒绝镇,Jujue Zhen,,TOWN,jl-plan-2016-2020,test row,false,");
        Refuse(database, table, condition, operation);
        var before = DataTestSupport.TableChecksums(database);

        var (services, db) = DataTestSupport.Context(database);
        using (services)
        using (db)
            Assert.Contains("test_refuses", Assert.ThrowsAny<Exception>(() => new SeedImporter(db).Import(folder)).GetBaseException().Message);
        Assert.Equal(before, DataTestSupport.TableChecksums(database));

        var (exitCode, stdout, stderr) = DataTestSupport.RunServer(_temp, "import", folder, "--Database:ConnectionString=" + database);
        Assert.True(exitCode == 1, $"exit code {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
        Assert.Contains("import failed while writing", stderr);
        Assert.Contains("test_refuses", stderr);
        Assert.Contains("nothing was written", stderr);
        Assert.DoesNotContain("imported", stdout);
        Assert.Equal(before, DataTestSupport.TableChecksums(database));

        // Without the refusal the same folder goes in whole: the failure was in the write, not in the rows.
        Execute(database, "DROP TRIGGER test_refuses");
        (services, db) = DataTestSupport.Context(database);
        using (services)
        using (db)
            Assert.Equal(2, new SeedImporter(db).Import(folder).Total);
        Assert.NotEqual(before["Counties"], DataTestSupport.TableChecksums(database)["Counties"]);
    }

    /// <summary>A trigger that aborts the statement writing a row of <paramref name="table"/> when <paramref name="condition"/> holds.</summary>
    private static void Refuse(string path, string table, string condition, string operation = "INSERT") => Execute(path, $"""
        CREATE TRIGGER test_refuses BEFORE {operation} ON "{table}" WHEN {condition}
        BEGIN SELECT RAISE(ABORT, 'test_refuses: refused by the test'); END
        """);

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(DataTestSupport.ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Write(string folder, string file, params string[] lines) =>
        File.WriteAllText(Path.Combine(folder, file), string.Join("\n", lines) + "\n", new UTF8Encoding(false));
}
