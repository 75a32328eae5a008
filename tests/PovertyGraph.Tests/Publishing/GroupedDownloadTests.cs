using System.Text.Json.Nodes;
using static PovertyGraph.Tests.Publishing.DownloadClient;

namespace PovertyGraph.Tests.Publishing;

/// <summary>
/// <c>/data/{collection}/grouped.{format}</c>: one row per cell, keys by name, <c>count</c>, <c>sum_&lt;field&gt;</c>, and
/// <c>status</c>; exact figures equal the database's, protected ones are the groupedAggregates answer the API gives.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GroupedDownloadTests(PovertyGraphFactory factory)
{
    [Fact]
    public async Task Households_by_county_and_cause_are_the_databases_cells_for_an_official()
    {
        var csv = await CsvAsync(factory, "/data/households/grouped.csv?groupBy=COUNTY,PRIMARY_CAUSE", Tokens.Official);
        Assert.Equal(["county.id", "county.name", "primaryCause", "count", "sum_memberCount", "status"], csv.Headers);
        using var connection = factory.Database.Open();
        var truth = connection.Rows("""
            SELECT c."Name", h."PrimaryCause", COUNT(*), SUM(h."MemberCount") FROM "Households" h JOIN "Counties" c ON c."Id" = h."CountyId"
            GROUP BY c."Name", h."PrimaryCause"
            """).ToDictionary(r => $"{r[0]}|{Convert.ToInt32(r[1])}", r => (Convert.ToInt64(r[2]), Convert.ToInt64(r[3])));
        Assert.Equal(truth.Count, csv.Rows.Count);
        var causes = Enum.GetValues<PovertyGraph.Domain.PovertyCause>().ToDictionary(c => PovertyGraph.Data.Import.EnumNames.ToConstant(c.ToString()), c => (int)c);
        foreach (var row in csv.Rows)
        {
            Assert.Equal("exact", row["status"]);
            Assert.Equal(truth[$"{row["county.name"]}|{causes[row["primaryCause"]]}"], (long.Parse(row["count"]), long.Parse(row["sum_memberCount"])));
        }
    }

    [Fact]
    public async Task Public_cells_are_the_APIs_protected_cells_and_suppressed_ones_are_empty_never_zero()
    {
        var csv = await CsvAsync(factory, "/data/households/grouped.csv?groupBy=VILLAGE,HAS_LABOR_CAPACITY");
        var api = (await factory.QueryAsync("""
            { households { groupedAggregates(groupBy: [VILLAGE, HAS_LABOR_CAPACITY], first: 5000) { keys { village { id } hasLaborCapacity } count sum { memberCount } suppressed } } }
            """))["households"]!["groupedAggregates"]!.AsArray();
        Assert.Equal(api.Count, csv.Rows.Count);
        var suppressed = 0;
        foreach (var (row, cell) in csv.Rows.Zip(api))
        {
            Assert.Equal(cell!["keys"]!["village"]?["id"]?.ToString() ?? "", row["village.id"]);
            if ((bool)cell["suppressed"]!)
            {
                suppressed++;
                Assert.Equal("suppressed", row["status"]);
                Assert.Equal("", row["count"]);
                Assert.Equal("", row["sum_memberCount"]);
                continue;
            }
            Assert.Equal("perturbed", row["status"]);
            Assert.Equal(cell["count"]!.ToString(), row["count"]);
            Assert.Equal(cell["sum"]!["memberCount"]!.ToString(), row["sum_memberCount"]);
        }
        Assert.True(suppressed > 0, "some villages have fewer than 5 households with or without labour capacity");
        Assert.DoesNotContain(csv.Rows, r => r["status"] == "suppressed" && r["count"] == "0");
    }

    [Fact]
    public async Task The_statistics_rule_is_stated_in_the_files_metadata()
    {
        var parquet = await ParquetFile.ReadAsync(await (await GetAsync(factory, "/data/persons/grouped.parquet?groupBy=PLANNED_EXIT_YEAR,PREFECTURE")).Content.ReadAsByteArrayAsync());
        Assert.Contains("fewer than 5 records are suppressed", parquet.Metadata["povertygraph.statistics_rule"]);
        Assert.Equal(["plannedExitYear", "prefecture.id", "prefecture.name", "count", "status"], parquet.Headers);
        var csvw = JsonNode.Parse(await (await GetAsync(factory, "/data/persons/grouped.csv-metadata.json?groupBy=PLANNED_EXIT_YEAR,PREFECTURE")).Content.ReadAsStringAsync())!;
        Assert.Contains("fewer than 5 records are suppressed", csvw["povertygraph:statisticsRule"]!.ToString());
    }

    [Theory]
    [InlineData("/data/households/grouped.csv?groupBy=COUNTRY", 400, "BAD_DOWNLOAD_REQUEST")]
    [InlineData("/data/households/grouped.csv", 400, "BAD_DOWNLOAD_REQUEST")]
    [InlineData("/data/households/ungrouped.csv?groupBy=COUNTY", 404, "NOT_FOUND")]
    public async Task A_bad_grouping_is_an_HTTP_error_with_a_JSON_body(string url, int status, string code)
    {
        var (actual, error) = await RefusedAsync(factory, url);
        Assert.Equal(status, actual);
        Assert.Equal(code, error["extensions"]!["code"]!.ToString());
    }

    [Fact]
    public async Task A_grouping_refused_by_the_statistics_rules_is_refused_as_a_download_too()
    {
        var where = Json(new { id = new { eq = "SG91c2Vob2xkOjE" } });
        var (status, error) = await RefusedAsync(factory, $"/data/households/grouped.csv?groupBy=COUNTY&where={where}");
        Assert.Equal(403, status);
        Assert.Equal("FORBIDDEN_FIELD", error["extensions"]!["code"]!.ToString());
    }
}
