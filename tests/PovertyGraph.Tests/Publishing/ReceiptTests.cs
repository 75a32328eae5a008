using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using static PovertyGraph.Tests.Publishing.DownloadClient;

namespace PovertyGraph.Tests.Publishing;

/// <summary>
/// Every answer and download carries a receipt whose URL reproduces it: on the same server, and on a fresh server (a new
/// process's state: no registered documents) of the same data version.
/// </summary>
public sealed class ReceiptTests
{
    private const string Query = """
        query PersonsByExitYear($county: String) {
          households(where: { county: { name: { eq: $county } } }) {
            groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) { keys { plannedExitYear } count sum { memberCount } suppressed }
          }
        }
        """;

    private static string Sha256(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A second server on the first one's database.</summary>
    private sealed class SameDatabaseFactory(string connectionString) : PovertyGraphFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Database:ConnectionString"] = connectionString;
                return settings;
            }
        }
    }

    [Fact]
    public async Task A_GraphQL_answers_receipt_url_reproduces_it_on_a_fresh_server()
    {
        await using var first = new PovertyGraphFactory();
        var (status, body) = await first.PostAsync(Query, new { county = "蛟河市" }, operationName: "PersonsByExitYear");
        Assert.Equal(200, status);
        var receipt = body["extensions"]!["receipt"]!;
        var version = (await first.QueryAsync("{ dataset { version } }"))["dataset"]!["version"]!.ToString();
        Assert.Equal(version, receipt["dataVersion"]!.ToString());
        Assert.Equal(Sha256(Query), receipt["documentHash"]!.ToString());
        Assert.Equal("PUBLIC", receipt["protection"]!["role"]!.ToString());
        Assert.True((bool)receipt["protection"]!["protectedStatistics"]!);
        Assert.Equal(5, (int)receipt["protection"]!["minimumCellSize"]!);

        var url = new Uri(receipt["url"]!.ToString());
        Assert.Equal("/graphql", url.AbsolutePath);
        await using var fresh = new SameDatabaseFactory(first.Database.ConnectionString);
        var again = await GetAsync(fresh, url.PathAndQuery);
        var answer = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal(body["data"]!.ToJsonString(), answer["data"]!.ToJsonString());
        Assert.Equal(receipt["variablesHash"]!.ToString(), answer["extensions"]!["receipt"]!["variablesHash"]!.ToString());
        Assert.Equal(receipt["documentHash"]!.ToString(), answer["extensions"]!["receipt"]!["documentHash"]!.ToString());
    }

    [Fact]
    public async Task A_downloads_receipt_header_names_its_own_url_and_reproduces_the_same_bytes()
    {
        await using var factory = new PovertyGraphFactory();
        var url = $"/data/households/grouped.csv?groupBy=COUNTY,TYPE&where={Json(new { plannedExitYear = new { eq = 2017 } })}";
        var response = await GetAsync(factory, url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var receipt = JsonNode.Parse(response.Headers.GetValues("X-Receipt").Single())!;
        Assert.EndsWith(url, receipt["url"]!.ToString());
        Assert.Equal((await factory.QueryAsync("{ dataset { version } }"))["dataset"]!["version"]!.ToString(), receipt["dataVersion"]!.ToString());
        await using var fresh = new SameDatabaseFactory(factory.Database.ConnectionString);
        Assert.Equal(bytes, await (await GetAsync(fresh, new Uri(receipt["url"]!.ToString()).PathAndQuery)).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_changelog_records_the_build_with_every_tables_rows()
    {
        await using var factory = new PovertyGraphFactory();
        var counts = (await factory.QueryAsync("{ dataset { version rowCounts { table rows } } }"))["dataset"]!;
        var changelog = JsonNode.Parse(await (await GetAsync(factory, "/data/changelog")).Content.ReadAsStringAsync())!;
        var build = changelog["versions"]!.AsArray().Single()!;
        Assert.Equal("build", build["kind"]!.ToString());
        Assert.Equal(counts["version"]!.ToString(), build["version"]!.ToString());
        var tables = build["tables"]!.AsArray().ToDictionary(t => t!["table"]!.ToString(), t => (long)t!["after"]!);
        foreach (var table in counts["rowCounts"]!.AsArray()) Assert.Equal((long)table!["rows"]!, tables[table["table"]!.ToString()]);
        Assert.Empty(build["figures"]!.AsArray());
    }

    [Fact]
    public async Task An_import_records_the_rows_it_added_and_the_figures_it_changed()
    {
        await using var factory = new PovertyGraphFactory();
        var before = (await factory.QueryAsync("{ dataset { version } }"))["dataset"]!["version"]!.ToString();
        var folder = PovertyGraph.Tests.Data.DataTestSupport.NewTempFolder("import-changelog");
        try
        {
            File.WriteAllText(Path.Combine(folder, "plan_targets.csv"),
                "id,regionLevel,region,indicator,unit,year,value,valueText,attribute,agency,source,reference,synthetic,syntheticFields\n" +
                "900,PROVINCE,吉林省,测试指标,人,2020,12,12,,,,test row,true,\n", new UTF8Encoding(false));
            var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = factory.Database.ConnectionString,
            }).Build();
            Assert.Equal(0, PovertyGraph.Server.Commands.ImportCommand.Run(["import", folder], configuration));
        }
        finally
        {
            PovertyGraph.Tests.Data.DataTestSupport.DeleteQuietly(folder);
        }
        var changelog = JsonNode.Parse(await (await GetAsync(factory, "/data/changelog")).Content.ReadAsStringAsync())!;
        var import = changelog["versions"]![0]!;
        Assert.Equal("import", import["kind"]!.ToString());
        Assert.Equal(PovertyGraph.Data.DatasetVersioning.Next(before), import["version"]!.ToString());
        var planTargets = import["tables"]!.AsArray().Single(t => t!["table"]!.ToString() == "planTargets")!;
        Assert.Equal((long)planTargets["before"]! + 1, (long)planTargets["after"]!);
        var figure = Assert.Single(import["figures"]!.AsArray())!;
        Assert.Equal("plan target 900: 吉林省 测试指标 2020", figure["figure"]!.ToString());
        Assert.Null(figure["before"]);
        Assert.Equal("12", figure["after"]!.ToString());
    }
}
