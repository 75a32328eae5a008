using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.Data.Import;
using PovertyGraph.Tests.Postgres;

namespace PovertyGraph.Tests.Data;

/// <summary>
/// A first-run build and an import stopped by the process itself after some of their rows are written, through the
/// progress callbacks both already take (<see cref="DatabaseBootstrapper.EnsureReady"/>, <see cref="SeedImporter.Import"/>):
/// the callback throws. Unlike a refusal by the database, this leaves the database's transaction healthy (PostgreSQL
/// aborts a transaction whose statement failed, and would roll it back even if the code committed it), so only the code's
/// own transaction handling stands between the written rows and the table. Provider-neutral: used by
/// <c>Data/InterruptedWriteTests</c> (SQLite) and <c>Postgres/PostgresRollbackTests</c>.
/// </summary>
public static class InterruptedWrites
{
    /// <summary>Progress messages of a build, each reported once the rows before it are written (in build order).</summary>
    public static readonly string[] BuildStages = ["imported ", "persons: ", "projects: "];

    /// <summary>Files of <see cref="WriteImportFolder"/>, in the order the import writes them.</summary>
    public static readonly string[] ImportFiles = ["counties.csv", "townships.csv", "villages.csv"];

    public sealed class InjectedFailure(string after) : Exception($"injected failure after '{after}'");

    /// <summary>A progress callback that fails once it is told a message starting with <paramref name="prefix"/>.</summary>
    public static Action<string> FailAfter(string prefix) => message =>
    {
        if (message.StartsWith(prefix, StringComparison.Ordinal)) throw new InjectedFailure(message);
    };

    /// <summary>
    /// On an empty, migrated database: a build stopped after each of <see cref="BuildStages"/> leaves every table empty,
    /// and the next start builds it whole.
    /// </summary>
    public static void AssertBuildLeavesNothing(ServiceProvider services, Func<DbConnection> open)
    {
        using (var db = Context(services)) db.Database.Migrate();
        var bootstrapper = services.GetRequiredService<DatabaseBootstrapper>();
        foreach (var stage in BuildStages)
        {
            var told = new List<string>();
            var failAfter = FailAfter(stage);
            Assert.Throws<InjectedFailure>(() => bootstrapper.EnsureReady(message => { told.Add(message); failAfter(message); }));
            Assert.StartsWith(stage, told[^1]);
            var contents = Contents(services, open);
            Assert.True(contents.Values.All(c => c.StartsWith("0 rows ", StringComparison.Ordinal)),
                $"a build stopped after '{told[^1]}' left rows behind: {string.Join(", ", contents.Where(c => !c.Value.StartsWith("0 rows ", StringComparison.Ordinal)).Select(c => $"{c.Key} {c.Value[..c.Value.IndexOf(" rows", StringComparison.Ordinal)]}"))}");
        }
        Assert.True(bootstrapper.EnsureReady());
        using var connection = open();
        Assert.Equal(5832, connection.Scalar("SELECT COUNT(*) FROM \"Households\""));
        Assert.Equal(11_609, connection.Scalar("SELECT COUNT(*) FROM \"Persons\""));
        Assert.Equal(1, connection.Scalar("SELECT COUNT(*) FROM \"DatasetInfo\""));
    }

    /// <summary>
    /// On a built database: an import of <paramref name="folder"/> (<see cref="WriteImportFolder"/>) stopped after each
    /// of its files changes no table, the dataset version included; the same import then goes in whole.
    /// </summary>
    public static void AssertImportLeavesNothing(ServiceProvider services, Func<DbConnection> open, string folder)
    {
        WriteImportFolder(folder);
        var before = Contents(services, open);
        foreach (var file in ImportFiles)
        {
            using (var db = Context(services))
                Assert.Throws<InjectedFailure>(() => new SeedImporter(db).Import(folder, FailAfter(file)));
            Assert.Equal(before, Contents(services, open));
        }
        using (var db = Context(services))
            Assert.Equal(3, new SeedImporter(db).Import(folder).Total);
        var after = Contents(services, open);
        foreach (var table in new[] { "Counties", "Townships", "Villages", "DatasetInfo" })
            Assert.NotEqual(before[table], after[table]);
    }

    /// <summary>A new county, a township in it and a village in that: three files the import writes one after another.</summary>
    public static void WriteImportFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "counties.csv", "id,prefectureId,name,namePinyin,code,kind,contiguousArea,nationalContiguousArea,source,reference,synthetic,syntheticFields",
            "101,2,测试二县,Ceshi Erxian,,COUNTY,,,jl-plan-2016-2020,test row,false,");
        Write(folder, "townships.csv", "id,countyId,name,namePinyin,code,kind,source,reference,synthetic,syntheticFields",
            "9001,101,测试镇,Ceshi Zhen,,TOWN,jl-plan-2016-2020,test row,false,");
        Write(folder, "villages.csv", "id,townshipId,name,namePinyin,registered,provincialLevel,plannedExitYear,designations,source,reference,synthetic,syntheticFields",
            "5000,9001,测试村,Ceshi Cun,,false,,,jl-plan-2016-2020,test row,false,");
    }

    private static SortedDictionary<string, string> Contents(ServiceProvider services, Func<DbConnection> open)
    {
        using var model = Context(services);
        using var connection = open();
        return TableContents.Checksums(connection, model);
    }

    private static PovertyGraphDbContext Context(ServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>().CreateDbContext();

    private static void Write(string folder, string file, params string[] lines) =>
        File.WriteAllText(Path.Combine(folder, file), string.Join("\n", lines) + "\n", new UTF8Encoding(false));
}
