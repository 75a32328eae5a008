using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using static PovertyGraph.Tests.Publishing.DownloadClient;

namespace PovertyGraph.Tests.Publishing;

/// <summary>
/// <c>/data/{collection}.{csv|jsonl|parquet}</c>: the rows a filter matches, in order, with the caller's access, in each
/// format. Expected rows come from the database through SQL written here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DownloadTests(PovertyGraphFactory factory)
{
    private static readonly string JiaoheVillages = Json(new { county = new { name = new { eq = "蛟河市" } } });

    [Fact]
    public async Task A_filtered_sorted_table_is_the_rows_the_database_has_in_that_order()
    {
        var csv = await CsvAsync(factory, $"/data/villages.csv?columns=name,county.name,plannedExitYear,registered&where={JiaoheVillages}" +
                                          $"&order={Json(new object[] { new { name = "DESC" } })}");
        Assert.Equal(["name", "county.name", "plannedExitYear", "registered"], csv.Headers);
        using var connection = factory.Database.Open();
        var expected = connection.Rows("""
            SELECT v."Name", v."PlannedExitYear", v."Registered" FROM "Villages" v JOIN "Counties" c ON c."Id" = v."CountyId"
            WHERE c."Name" = @county ORDER BY v."Name" DESC, v."Id"
            """, ("@county", "蛟河市"));
        Assert.Equal(expected.Count, csv.Rows.Count);
        Assert.Equal(expected.Select(r => (string)r[0]!), csv.Rows.Select(r => r["name"]));
        Assert.Equal(expected.Select(r => r[1] == null ? "" : Convert.ToString(r[1], System.Globalization.CultureInfo.InvariantCulture)), csv.Rows.Select(r => r["plannedExitYear"]));
        Assert.Equal(expected.Select(r => r[2] == null ? "" : Convert.ToBoolean(r[2]) ? "true" : "false"), csv.Rows.Select(r => r["registered"]));
        Assert.All(csv.Rows, r => Assert.Equal("蛟河市", r["county.name"]));
    }

    [Theory]
    [InlineData("provinces")]
    [InlineData("counties")]
    [InlineData("villages")]
    [InlineData("households")]
    [InlineData("persons")]
    [InlineData("projects")]
    [InlineData("fundingAllocations")]
    [InlineData("planTargets")]
    [InlineData("sourceDocuments")]
    public async Task Every_collection_downloads_every_row_in_all_three_formats(string collection)
    {
        var csv = await CsvAsync(factory, $"/data/{collection}.csv");
        var rows = await RowCountAsync(collection);
        Assert.Equal(rows, csv.Rows.Count);
        Assert.Contains("id", csv.Headers);

        var jsonl = await (await GetAsync(factory, $"/data/{collection}.jsonl")).Content.ReadAsStringAsync();
        var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(rows, lines.Count);
        Assert.Equal(csv.Headers, lines[0].Select(p => p.Key));
        Assert.Equal(csv.Rows.Select(r => r["id"]), lines.Select(l => l["id"]!.GetValue<string>()));

        var parquet = await ParquetFile.ReadAsync(await (await GetAsync(factory, $"/data/{collection}.parquet")).Content.ReadAsByteArrayAsync());
        Assert.Equal(csv.Headers, parquet.Headers);
        Assert.Equal(rows, parquet.Rows);
        Assert.Equal(csv.Rows.Select(r => r["id"]), parquet.Columns["id"].Cast<string>());
        Assert.Contains("povertygraph.receipt", parquet.Metadata.Keys);
    }

    private async Task<long> RowCountAsync(string collection)
    {
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>().CreateDbContext();
        var summary = await DatasetSummary.LoadAsync(db);
        return summary.Tables.Single(t => t.Name == collection).Rows;
    }

    [Fact]
    public async Task The_byte_order_mark_is_there_only_when_asked_and_fields_are_quoted_as_RFC_4180_says()
    {
        const string url = "/data/villages.csv?columns=id,designations&order=%5B%7B%22designations%22%3A%22DESC%22%7D%5D";
        var plain = await (await GetAsync(factory, url)).Content.ReadAsByteArrayAsync();
        var excel = await (await GetAsync(factory, url + "&bom=true")).Content.ReadAsByteArrayAsync();
        Assert.False(plain.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.True(excel.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.Equal(plain, excel[3..]);
        var text = Encoding.UTF8.GetString(plain);
        Assert.StartsWith("id,designations\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "")); // CRLF only (no value of this table has a line break)
        using var connection = factory.Database.Open();
        var listed = connection.Rows("""SELECT "Designations" FROM "Villages" WHERE "Designations" LIKE '%,%' """).Select(r => (string)r[0]!).ToList();
        Assert.NotEmpty(listed); // villages named in two programme lists
        Assert.Contains($",\"{listed[0]}\"\r\n", text); // a field with a comma is quoted
        var parsed = PovertyGraph.Tests.Browser.Csv.Parse(text);
        Assert.Equal(await RowCountAsync("villages"), parsed.Rows.Count);
        Assert.Equal(listed.Count, parsed.Rows.Count(r => r["designations"].Contains(',')));
    }

    [Fact]
    public async Task Public_callers_get_masked_names_and_year_only_birth_dates_and_no_hidden_columns()
    {
        var csv = await CsvAsync(factory, "/data/persons.csv");
        Assert.DoesNotContain("idNumber", csv.Headers);
        Assert.All(csv.Rows, r =>
        {
            Assert.EndsWith("*", r["name"]);
            Assert.Equal(r["birthYear"], r["birthDate"]);
        });
        var households = await CsvAsync(factory, "/data/households.csv");
        Assert.DoesNotContain("primaryCause", households.Headers);
        Assert.DoesNotContain("phone", households.Headers);
        var researcher = await CsvAsync(factory, "/data/households.csv", Tokens.Researcher);
        Assert.Contains("primaryCause", researcher.Headers);
        Assert.DoesNotContain("headName", researcher.Headers); // hidden from researchers, who see causes
    }

    [Theory]
    [InlineData("/data/persons.csv?columns=name,idNumber", null, "idNumber")]
    [InlineData("/data/households.csv?columns=headName,primaryCause", null, "primaryCause")]
    [InlineData("/data/households.csv?columns=headName", "researcher", "headName")]
    public async Task A_column_the_caller_may_not_see_is_refused_not_left_empty(string url, string? role, string column)
    {
        var (status, error) = await RefusedAsync(factory, url, role == null ? null : Tokens.Researcher);
        Assert.Equal(403, status);
        Assert.Equal("FORBIDDEN_COLUMN", error["extensions"]!["code"]!.ToString());
        Assert.Contains(column, error["message"]!.ToString());
    }

    [Fact]
    public async Task A_filter_on_a_field_the_caller_may_not_see_is_refused_as_in_GraphQL()
    {
        var (status, error) = await RefusedAsync(factory, $"/data/households.csv?where={Json(new { primaryCause = new { eq = "ILLNESS" } })}");
        Assert.Equal(403, status);
        Assert.Equal("FORBIDDEN_FIELD", error["extensions"]!["code"]!.ToString());
    }

    [Fact]
    public async Task An_official_sees_names_in_full_and_the_download_is_audited()
    {
        var where = Json(new { village = new { name = new { eq = "青背村" } } });
        var csv = await CsvAsync(factory, $"/data/persons.csv?columns=id,name,idNumber,household.id&where={where}", Tokens.Official);
        Assert.NotEmpty(csv.Rows);
        Assert.All(csv.Rows, r => { Assert.DoesNotContain("*", r["name"]); Assert.Equal(18, r["idNumber"].Length); });
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>().CreateDbContext();
        var entry = await db.AuditEntries.Where(e => e.OperationName == "download /data/persons.csv").OrderByDescending(e => e.Id).FirstAsync();
        var households = csv.Rows.Select(r => r["household.id"]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(households, entry.HouseholdIds.Split(',').Order(StringComparer.Ordinal));
        Assert.Equal("Person.idNumber,Person.name", entry.Fields);
        Assert.Equal("OFFICIAL", entry.Role);
    }

    [Fact]
    public async Task A_partner_organisation_sees_names_in_full_in_its_villages_and_masked_elsewhere()
    {
        var csv = await CsvAsync(factory, $"/data/persons.csv?columns=name,village.id&where={JiaoheVillages}", Tokens.Ngo());
        var partners = (await factory.QueryAsync("{ me { partnerVillageIds } }", token: Tokens.Ngo()))["me"]!["partnerVillageIds"]!.AsArray()
            .Select(v => v!.ToString()).ToHashSet();
        Assert.Contains(csv.Rows, r => partners.Contains(r["village.id"]));
        Assert.All(csv.Rows, r => Assert.Equal(!partners.Contains(r["village.id"]), r["name"].EndsWith('*')));
        var phones = await CsvAsync(factory, $"/data/households.csv?columns=phone,village.id&where={JiaoheVillages}", Tokens.Ngo());
        Assert.All(phones.Rows, r => Assert.Equal(partners.Contains(r["village.id"]), r["phone"].Length == 11));
    }

    [Fact]
    public async Task A_persisted_documents_rows_define_the_download()
    {
        // documents/village-page.graphql: registered villages with id, name, plannedExitYear, county and township names.
        const string id = "sha256:63671394a66442b14687bfa9a21f06f2a8c15fa5a2ef2ff0f72652639c1fb7dd";
        var csv = await CsvAsync(factory, $"/data/villages.csv?documentId={id}");
        Assert.Equal(["id", "name", "plannedExitYear", "county.name", "township.name"], csv.Headers);
        using var connection = factory.Database.Open();
        Assert.Equal(connection.Scalar("""SELECT COUNT(*) FROM "Villages" WHERE "Registered" = TRUE"""), csv.Rows.Count);
        var (status, error) = await RefusedAsync(factory, $"/data/villages.csv?documentId={id}&columns=name");
        Assert.Equal(400, status);
        Assert.Contains("documentId", error["message"]!.ToString());
    }

    [Theory]
    [InlineData("/data/nowhere.csv", 404, "NOT_FOUND")]
    [InlineData("/data/villages.xlsx", 404, "NOT_FOUND")]
    [InlineData("/data/villages.csv?colums=name", 400, "BAD_DOWNLOAD_REQUEST")]
    [InlineData("/data/villages.csv?columns=name,nmae", 400, "BAD_DOWNLOAD_REQUEST")]
    [InlineData("/data/villages.csv?columns=households.id", 400, "BAD_DOWNLOAD_REQUEST")]
    [InlineData("/data/villages.csv?where=%7Bnot%20json", 400, "BAD_DOWNLOAD_REQUEST")]
    [InlineData("/data/villages.csv?where=%7B%22nme%22%3A%7B%7D%7D", 400, "INVALID_VALUE")]
    [InlineData("/data/villages.csv?bom=maybe", 400, "BAD_DOWNLOAD_REQUEST")]
    [InlineData("/data/auditEntries.csv", 403, "FORBIDDEN_FIELD")]
    public async Task Bad_requests_are_HTTP_errors_with_a_JSON_body_before_any_byte_of_a_file(string url, int status, string code)
    {
        var (actual, error) = await RefusedAsync(factory, url);
        Assert.Equal(status, actual);
        Assert.Equal(code, error["extensions"]!["code"]!.ToString());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.ToString()));
    }
}
