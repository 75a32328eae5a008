using System.Text;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.Data.Import;

namespace PovertyGraph.Tests.Data;

/// <summary>
/// The seed-format importer (SeedImporter, and the <c>import</c> CLI command): every kind of bad row is rejected
/// with its <c>file:line: reason</c> and leaves the database exactly as it was; a valid folder is written whole.
/// Each test works on its own copy of a freshly built jiaohe database.
/// </summary>
[Collection(JiaoheDatabaseCollection.Name)]
public sealed class ImportTests : IDisposable
{
    private const string CountyHeader = "id,prefectureId,name,namePinyin,code,kind,contiguousArea,nationalContiguousArea,source,reference,synthetic,syntheticFields";
    private const string TownshipHeader = "id,countyId,name,namePinyin,code,kind,source,reference,synthetic,syntheticFields";
    private const string VillageHeader = "id,townshipId,name,namePinyin,registered,provincialLevel,plannedExitYear,designations,source,reference,synthetic,syntheticFields";
    private const string DocumentHeader = "id,title,issuer,documentNumber,issuedOn,fileName";

    // A valid new county (ids 1–45 are taken by counties.csv), used as line 2 before the broken line 3.
    private const string GoodCounty = "100,2,测试县,Ceshi,,COUNTY,,,jl-plan-2016-2020,test row,false,";

    private readonly string _temp;
    private readonly string _database;
    private readonly string _folder;

    public ImportTests(JiaoheDatabaseFixture fixture)
    {
        _temp = DataTestSupport.NewTempFolder("import");
        _database = fixture.FreshCopy(_temp);
        _folder = Path.Combine(_temp, "csv");
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => DataTestSupport.DeleteQuietly(_temp);

    // ---- helpers -------------------------------------------------------------------------------------------

    private void Write(string file, params string[] lines) =>
        File.WriteAllText(Path.Combine(_folder, file), string.Join("\n", lines) + "\n", new UTF8Encoding(false));

    private SeedImporter.Summary Import()
    {
        var (services, db) = DataTestSupport.Context(_database);
        using (services)
        using (db)
            return new SeedImporter(db).Import(_folder);
    }

    /// <summary>Runs the import, which must be rejected, and checks that no table changed.</summary>
    private List<string> ImportRejected()
    {
        var before = DataTestSupport.TableChecksums(_database);
        var error = Assert.Throws<ImportException>(Import);
        Assert.Equal(before, DataTestSupport.TableChecksums(_database));
        return error.Errors.Select(e => e.ToString()).ToList();
    }

    private void AssertRejectedWith(string expected) => Assert.Equal([expected], ImportRejected());

    // ---- one test per kind of bad row ----------------------------------------------------------------------

    [Fact]
    public void Rejects_a_non_integer_in_an_integer_column()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,x2,测试二县,Ceshi,,COUNTY,,,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("counties.csv:3: 'prefectureId': 'x2' is not an integer");
    }

    [Fact]
    public void Rejects_an_unknown_enum_value()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,2,测试二县,Ceshi,,VILLAGE,,,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("counties.csv:3: 'kind': 'VILLAGE' is not one of COUNTY, CITY, DISTRICT");
    }

    [Fact]
    public void Rejects_a_foreign_key_to_a_missing_row()
    {
        Write("townships.csv", TownshipHeader,
            "1000,8,测试镇,Ceshi,,TOWN,jl-plan-2016-2020,test row,false,",
            "1001,999,测试二镇,Ceshi,,TOWN,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("townships.csv:3: 'countyId' 999 does not exist in counties.csv");
    }

    [Fact]
    public void Rejects_a_duplicate_id_within_the_file()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "100,3,测试二县,Ceshi,,CITY,,,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("counties.csv:3: duplicate key id 100");
    }

    [Fact]
    public void Rejects_an_id_that_already_exists_in_the_database()
    {
        // County 8 is 蛟河市.
        Write("counties.csv", CountyHeader, GoodCounty, "8,2,测试二县,Ceshi,,CITY,,,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("counties.csv:3: duplicate key id 8");
    }

    [Fact]
    public void Rejects_a_row_that_is_neither_sourced_nor_synthetic()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,2,测试二县,Ceshi,,COUNTY,,,,test row,false,");
        AssertRejectedWith("counties.csv:3: provenance missing: a row that is not synthetic needs a source document");
    }

    [Fact]
    public void Accepts_a_synthetic_row_without_a_source()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,2,测试二县,Ceshi,,COUNTY,,,,generated,true,");
        Assert.Equal(2, Import().Total);
        using var db = DataTestSupport.Open(_database);
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM Counties WHERE Id = 101 AND SourceDocumentId IS NULL AND Synthetic = 1"));
    }

    [Fact]
    public void Rejects_an_unknown_column()
    {
        Write("counties.csv", CountyHeader + ",population", GoodCounty + ",1000");
        AssertRejectedWith("counties.csv:1: unknown column 'population'");
    }

    [Fact]
    public void Rejects_a_missing_required_column()
    {
        Write("counties.csv", CountyHeader.Replace(",kind", ""), GoodCounty.Replace(",COUNTY", ""));
        AssertRejectedWith("counties.csv:1: missing column 'kind'");
    }

    [Fact]
    public void Rejects_a_row_with_the_wrong_number_of_fields()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,2,测试二县,Ceshi,,COUNTY,,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("counties.csv:3: expected 12 fields, found 11");
    }

    [Fact]
    public void Rejects_an_empty_required_value()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,2,,Ceshi,,COUNTY,,,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("counties.csv:3: 'name' is required");
    }

    [Fact]
    public void Rejects_an_empty_or_missing_romanised_name()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,2,测试二县,,,COUNTY,,,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("counties.csv:3: 'namePinyin' is required");
        Write("counties.csv", CountyHeader.Replace(",namePinyin", ""), GoodCounty.Replace(",Ceshi", ""));
        AssertRejectedWith("counties.csv:1: missing column 'namePinyin'");
    }

    [Fact]
    public void Rejects_an_empty_required_foreign_key()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,,测试二县,Ceshi,,COUNTY,,,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("counties.csv:3: 'prefectureId' is required");
    }

    [Theory]
    [InlineData("yes", "false", "'provincialLevel': 'yes' is not true or false")]
    [InlineData("false", "TRUE", "'synthetic': 'TRUE' is not true or false")]
    public void Rejects_a_boolean_that_is_not_true_or_false(string provincialLevel, string synthetic, string reason)
    {
        // Township 1 is 漂河镇 (Jiaohe).
        Write("villages.csv", VillageHeader,
            "5000,1,测试村,Ceshi,,false,,,jl-plan-2016-2020,test row,false,",
            $"5001,1,测试二村,Ceshi,,{provincialLevel},,,jl-plan-2016-2020,test row,{synthetic},");
        AssertRejectedWith("villages.csv:3: " + reason);
    }

    [Fact]
    public void Rejects_an_unknown_source_document()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,2,测试二县,Ceshi,,COUNTY,,,no-such-document,test row,false,");
        AssertRejectedWith("counties.csv:3: 'source' no-such-document is not a known source document");
    }

    [Fact]
    public void Rejects_a_bad_date()
    {
        Write("source_documents.csv", DocumentHeader,
            "test-doc-1,测试文件,测试机关,,2017-08-14,",
            "test-doc-2,测试文件二,测试机关,,2017-02-30,");
        AssertRejectedWith("source_documents.csv:3: 'issuedOn': '2017-02-30' is not a date yyyy-MM-dd");
    }

    [Fact]
    public void Rejects_a_file_that_is_not_valid_utf8()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(CountyHeader + "\n" + GoodCounty + "\n101,2,测试"));
        bytes.Add(0xFF); // never valid in UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes("县,Ceshi,,COUNTY,,,jl-plan-2016-2020,test row,false,\n"));
        File.WriteAllBytes(Path.Combine(_folder, "counties.csv"), bytes.ToArray());
        // The reason is the decoder's message; the importer reports such a file at line 1.
        AssertRejectedWith($"counties.csv:1: Unable to translate bytes [FF] at index {bytes.IndexOf(0xFF)} from specified code page to Unicode.");
    }

    [Fact]
    public void Rejects_an_unknown_file_name()
    {
        Write("counties.csv", CountyHeader, GoodCounty);
        Write("households.csv", "id,villageId", "1,1");
        AssertRejectedWith("households.csv:1: unknown file; expected one of counties.csv, funding_allocations.csv, funding_sources.csv, " +
                           "organization_villages.csv, organizations.csv, plan_targets.csv, prefectures.csv, projects.csv, provinces.csv, " +
                           "published_totals.csv, source_documents.csv, townships.csv, villages.csv");
    }

    [Fact]
    public void Reports_every_bad_row_with_its_own_line_across_files()
    {
        Write("counties.csv", CountyHeader, GoodCounty,
            "101,2,\"测试,县\",Ceshi,,COUNTY,,,jl-plan-2016-2020,\"a quoted reference\nover two lines\",false,",
            "102,2,测试三县,Ceshi,,TOWN,,,jl-plan-2016-2020,test row,false,");
        Write("villages.csv", VillageHeader, "5000,77777,测试村,Ceshi,,false,,,jl-plan-2016-2020,test row,false,");
        Assert.Equal(
            [
                "counties.csv:5: 'kind': 'TOWN' is not one of COUNTY, CITY, DISTRICT",
                "villages.csv:2: 'townshipId' 77777 does not exist in townships.csv",
            ],
            ImportRejected());
    }

    // ---- whole folders -------------------------------------------------------------------------------------

    [Fact]
    public void Imports_a_new_county_township_and_village_and_derives_their_geography()
    {
        Write("counties.csv", CountyHeader, GoodCounty);
        Write("townships.csv", TownshipHeader, "1000,100,测试镇,Ceshi,,TOWN,jl-plan-2016-2020,test row,false,");
        Write("villages.csv", VillageHeader, "5000,1000,测试村,Ceshi,true,false,2018,REGISTERED_POOR_VILLAGE;WHOLE_VILLAGE_ADVANCEMENT_2013,jl-plan-2016-2020,test row,false,plannedExitYear");
        // Every other table stays as it was; DatasetInfo gets the next version (HTTP caches revalidate against it).
        var before = DataTestSupport.TableChecksums(_database, "Counties", "Townships", "Villages", "DatasetInfo", "DatasetChanges");
        var countsBefore = DataTestSupport.RowCounts(_database);
        string Version() { using var db = DataTestSupport.Open(_database); return (string)db.Rows("SELECT Version FROM DatasetInfo").Single()[0]!; }
        var versionBefore = Version();

        var summary = Import();

        Assert.Equal(new Dictionary<string, int> { ["counties.csv"] = 1, ["townships.csv"] = 1, ["villages.csv"] = 1 }, summary.RowsByFile);
        Assert.Equal(3, summary.Total);
        Assert.Equal(before, DataTestSupport.TableChecksums(_database, "Counties", "Townships", "Villages", "DatasetInfo", "DatasetChanges"));
        Assert.Equal(DatasetVersioning.Next(versionBefore), Version());
        var countsAfter = DataTestSupport.RowCounts(_database);
        Assert.Equal(countsBefore["Counties"] + 1, countsAfter["Counties"]);
        Assert.Equal(countsBefore["Townships"] + 1, countsAfter["Townships"]);
        Assert.Equal(countsBefore["Villages"] + 1, countsAfter["Villages"]);

        using var db = DataTestSupport.Open(_database);
        var county = Assert.Single(db.Rows("SELECT Name, PrefectureId, ProvinceId, Kind, Code, SourceDocumentId, SourceReference, Synthetic FROM Counties WHERE Id = 100"));
        Assert.Equal(new object?[] { "测试县", 2L, 1L, 1L, null, "jl-plan-2016-2020", "test row", 0L }, county);
        Assert.Equal("Ceshi", Assert.Single(db.Rows("SELECT NamePinyin FROM Counties WHERE Id = 100"))[0]);
        var township = Assert.Single(db.Rows("SELECT Name, CountyId, PrefectureId, ProvinceId, Kind FROM Townships WHERE Id = 1000"));
        Assert.Equal(new object?[] { "测试镇", 100L, 2L, 1L, 1L }, township);
        var village = Assert.Single(db.Rows("""
            SELECT Name, TownshipId, CountyId, PrefectureId, ProvinceId, Registered, ProvincialLevel, PlannedExitYear, Designations, SyntheticFields
            FROM Villages WHERE Id = 5000
            """));
        Assert.Equal(new object?[] { "测试村", 1000L, 100L, 2L, 1L, 1L, 0L, 2018L, "REGISTERED_POOR_VILLAGE,WHOLE_VILLAGE_ADVANCEMENT_2013", "plannedExitYear" }, village);
        // Visible through the EF model as well.
        var (services, context) = DataTestSupport.Context(_database);
        using (services)
        using (context)
        {
            var v = context.Villages.Include(x => x.County).Single(x => x.Id == 5000);
            Assert.Equal("测试县", v.County!.Name);
        }
    }

    [Fact]
    public void A_bad_row_in_one_file_keeps_the_good_files_out_too()
    {
        Write("counties.csv", CountyHeader, GoodCounty);
        Write("townships.csv", TownshipHeader, "1000,100,测试镇,Ceshi,,TOWN,jl-plan-2016-2020,test row,false,");
        Write("villages.csv", VillageHeader,
            "5000,1000,测试村,Ceshi,,false,,,jl-plan-2016-2020,test row,false,",
            "5001,1000,测试二村,Ceshi,,false,,NOT_A_DESIGNATION,jl-plan-2016-2020,test row,false,");
        AssertRejectedWith("villages.csv:3: 'designations': 'NOT_A_DESIGNATION' is not one of WHOLE_VILLAGE_ADVANCEMENT_2013, PROVINCIAL_POOR_VILLAGE, REGISTERED_POOR_VILLAGE");
        using var db = DataTestSupport.Open(_database);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Counties WHERE Id = 100"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Townships WHERE Id = 1000"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Villages WHERE Id IN (5000, 5001)"));
    }

    [Fact]
    public void The_seed_folder_imports_into_an_empty_database_and_one_broken_row_rejects_it_all()
    {
        var empty = Path.Combine(_temp, "empty.db");
        var (services, context) = DataTestSupport.Context(empty);
        using (services)
        using (context)
            context.Database.Migrate();
        var seeds = Path.Combine(_temp, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(DataTestSupport.SeedDataPath, "*.csv"))
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));

        // Break line 3 of the copy of villages.csv (its second village).
        var villages = Path.Combine(seeds, "villages.csv");
        var lines = File.ReadAllLines(villages, Encoding.UTF8);
        Assert.StartsWith("2,17,", lines[2]);
        lines[2] = "2,abc," + lines[2]["2,17,".Length..];
        File.WriteAllText(villages, string.Join("\n", lines) + "\n", new UTF8Encoding(false));

        var before = DataTestSupport.TableChecksums(empty);
        (services, context) = DataTestSupport.Context(empty);
        using (services)
        using (context)
        {
            var error = Assert.Throws<ImportException>(() => new SeedImporter(context).Import(seeds));
            Assert.Equal(["villages.csv:3: 'townshipId': 'abc' is not an integer"], error.Errors.Select(e => e.ToString()));
        }
        Assert.Equal(before, DataTestSupport.TableChecksums(empty));
        Assert.Equal(0, DataTestSupport.RowCounts(empty).Where(t => !t.Key.StartsWith("__EF")).Sum(t => t.Value));

        // Repaired, the folder loads whole: the row counts of seed-data/README.md.
        File.Copy(Path.Combine(DataTestSupport.SeedDataPath, "villages.csv"), villages, overwrite: true);
        (services, context) = DataTestSupport.Context(empty);
        using (services)
        using (context)
        {
            var summary = new SeedImporter(context).Import(seeds);
            Assert.Equal(new Dictionary<string, int>
                {
                    ["source_documents.csv"] = 5, ["provinces.csv"] = 1, ["prefectures.csv"] = 9, ["counties.csv"] = 45, ["townships.csv"] = 182,
                    ["villages.csv"] = 235, ["funding_sources.csv"] = 18, ["projects.csv"] = 19, ["funding_allocations.csv"] = 7,
                    ["plan_targets.csv"] = 227, ["organizations.csv"] = 3, ["organization_villages.csv"] = 13,
                },
                summary.RowsByFile);
        }
        var counts = DataTestSupport.RowCounts(empty);
        Assert.Equal(235, counts["Villages"]);
        Assert.Equal(0, counts["Households"]);
    }

    // ---- the CLI -------------------------------------------------------------------------------------------

    private (int ExitCode, string StdOut, string StdErr) RunCli(params string[] args) => DataTestSupport.RunServer(_temp, args);

    [Fact]
    public void Cli_import_of_a_bad_folder_exits_1_with_the_error_on_stderr()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,2,测试二县,Ceshi,,VILLAGE,,,jl-plan-2016-2020,test row,false,");
        var before = DataTestSupport.TableChecksums(_database);

        var (exitCode, stdout, stderr) = RunCli("import", _folder, "--Database:ConnectionString=" + _database);

        Assert.True(exitCode == 1, $"exit code {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            ["counties.csv:3: 'kind': 'VILLAGE' is not one of COUNTY, CITY, DISTRICT", "import rejected: 1 error(s); nothing was written"],
            lines);
        Assert.DoesNotContain("imported", stdout);
        Assert.Equal(before, DataTestSupport.TableChecksums(_database));
    }

    [Fact]
    public void Cli_import_of_a_good_folder_exits_0_and_writes_the_rows()
    {
        Write("counties.csv", CountyHeader, GoodCounty);
        Write("townships.csv", TownshipHeader, "1000,100,测试镇,Ceshi,,TOWN,jl-plan-2016-2020,test row,false,");

        var (exitCode, stdout, stderr) = RunCli("import", _folder, "--Database:ConnectionString=" + _database);

        Assert.True(exitCode == 0, $"exit code {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
        Assert.Equal("", stderr.Trim());
        Assert.Contains("imported 2 rows", stdout);
        using var db = DataTestSupport.Open(_database);
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM Townships WHERE Id = 1000 AND CountyId = 100 AND PrefectureId = 2"));
    }
}
