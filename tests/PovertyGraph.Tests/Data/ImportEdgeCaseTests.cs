using System.Text;
using PovertyGraph.Data.Import;

namespace PovertyGraph.Tests.Data;

/// <summary>
/// Less common malformed input: the importer must still answer with <c>file:line: reason</c> errors (an
/// <see cref="ImportException"/>), never with another exception, and leave the database unchanged.
/// </summary>
[Collection(JiaoheDatabaseCollection.Name)]
public sealed class ImportEdgeCaseTests : IDisposable
{
    private const string CountyHeader = "id,prefectureId,name,namePinyin,code,kind,contiguousArea,nationalContiguousArea,source,reference,synthetic,syntheticFields";
    private const string GoodCounty = "100,2,测试县,Ceshi,,COUNTY,,,jl-plan-2016-2020,test row,false,";

    private readonly string _temp;
    private readonly string _database;
    private readonly string _folder;

    public ImportEdgeCaseTests(JiaoheDatabaseFixture fixture)
    {
        _temp = DataTestSupport.NewTempFolder("import-edge");
        _database = fixture.FreshCopy(_temp);
        _folder = Path.Combine(_temp, "csv");
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => DataTestSupport.DeleteQuietly(_temp);

    private void Write(string file, params string[] lines) =>
        File.WriteAllText(Path.Combine(_folder, file), string.Join("\n", lines) + "\n", new UTF8Encoding(false));

    /// <summary>Imports; whatever happens, the database must be unchanged. Returns the exception thrown.</summary>
    private Exception? TryImportExpectingNoChange()
    {
        var before = DataTestSupport.TableChecksums(_database);
        var (services, db) = DataTestSupport.Context(_database);
        Exception? thrown = null;
        using (services)
        using (db)
        {
            try { new SeedImporter(db).Import(_folder); }
            catch (Exception e) { thrown = e; }
        }
        Assert.Equal(before, DataTestSupport.TableChecksums(_database));
        return thrown;
    }

    private List<string> Rejected()
    {
        var thrown = TryImportExpectingNoChange();
        var error = Assert.IsType<ImportException>(thrown);
        return error.Errors.Select(e => e.ToString()).ToList();
    }

    [Fact]
    public void Rejects_a_negative_amount()
    {
        Write("funding_allocations.csv", "id,projectId,sourceId,year,amount,source,reference,synthetic,syntheticFields",
            "9000,4,1,2012,-5,jl-yearbook-2012,test row,false,");
        Assert.Equal(["funding_allocations.csv:2: 'amount': -5 is negative"], Rejected());
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        File.WriteAllText(Path.Combine(_folder, "counties.csv"), "");
        Assert.Equal(["counties.csv:1: empty file: a header row is required"], Rejected());
    }

    [Fact]
    public void Rejects_an_unterminated_quote()
    {
        Write("counties.csv", CountyHeader, GoodCounty, "101,2,\"测试二县,Ceshi,,COUNTY,,,jl-plan-2016-2020,test row,false,");
        Assert.Equal(["counties.csv:1: line 3: unterminated quoted field"], Rejected());
    }

    [Fact]
    public void Rejects_a_missing_folder()
    {
        var missing = Path.Combine(_temp, "no-such-folder");
        var (services, db) = DataTestSupport.Context(_database);
        using (services)
        using (db)
        {
            var error = Assert.Throws<ImportException>(() => new SeedImporter(db).Import(missing));
            Assert.Equal([$"{missing}:0: folder not found"], error.Errors.Select(e => e.ToString()));
        }
    }

    // Regression: an empty header name used to throw IndexOutOfRangeException (an unhandled crash through the CLI)
    // instead of a file:line: reason.
    [Fact]
    public void Rejects_an_empty_column_name_in_the_header()
    {
        // A trailing comma in the header row: an empty column name.
        Write("counties.csv", CountyHeader + ",", GoodCounty + ",");
        Assert.Equal(["counties.csv:1: column 13 has no name"], Rejected());
    }

    // Regression. Product bug: keys are compared as the CSV text (SeedImporter.cs:163) against the database's ids
    // formatted as integers (line 270), so "08" passes validation and the write then fails inside BulkWriter with a
    // TargetInvocationException wrapping SqliteException "UNIQUE constraint failed: Counties.Id" (the CLI crashes, exit 134).
    [Fact]
    public void Rejects_an_existing_id_written_with_a_leading_zero()
    {
        // County 8 (蛟河市) exists; "08" is the same integer id.
        Write("counties.csv", CountyHeader, GoodCounty, "08,2,测试二县,Ceshi,,CITY,,,jl-plan-2016-2020,test row,false,");
        var errors = Rejected();
        Assert.Single(errors);
        Assert.StartsWith("counties.csv:3: ", errors[0]);
    }

    // Regression. Product bug: the key of a row without an id is the raw fields joined in header order
    // (SeedImporter.cs:163), the database's key is organizationId|villageId (line 265): with the columns swapped, an existing
    // pair passes validation and the write fails with SqliteException "UNIQUE constraint failed: OrganizationVillages…".
    [Fact]
    public void Rejects_an_existing_organization_village_pair_with_the_columns_swapped()
    {
        // (1, 211) is already in organization_villages.csv.
        Write("organization_villages.csv", "villageId,organizationId", "211,1");
        var errors = Rejected();
        Assert.Single(errors);
        Assert.StartsWith("organization_villages.csv:2: duplicate key", errors[0]);
    }

    // Regression. Validation gap: plan_targets.csv has no foreign keys in SeedTables.cs:33 and the PlanTargets
    // table has no FK constraint on CountyId/ProvinceId, so a plan target can point at a county that does not exist.
    [Fact]
    public void Rejects_a_plan_target_of_a_missing_county()
    {
        Write("plan_targets.csv",
            "id,regionLevel,region,indicator,unit,year,value,valueText,attribute,agency,countyId,provinceId,source,reference,synthetic,syntheticFields",
            "9000,COUNTY,测试县,测试指标,人,2016,1,1,,,9999,1,jl-plan-2016-2020,test row,false,");
        Assert.Equal(["plan_targets.csv:2: 'countyId' 9999 does not exist in counties.csv"], Rejected());
    }
}
