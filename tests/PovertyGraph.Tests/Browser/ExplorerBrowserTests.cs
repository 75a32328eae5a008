using Xunit.Abstractions;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// The explorer (/explore) in headless Chromium with the network cut off except the server: it loads, every chart
/// renders, each chart's figures (data table, drawn series, CSV download) equal the API's for the same question asked
/// independently over HTTP as the same role, and the language switch changes the labels. The figures are the
/// jiaohe profile's, so Jiaohe (蛟河市) is the county with households, projects and plan targets.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Jiaohe = "蛟河市";
    private const string JiaoheInUrl = "?county=%E8%9B%9F%E6%B2%B3%E5%B8%82";

    private static readonly string[] ProvinceCharts =
        ["exits-villages", "exits-persons", "households-cause", "households-place", "funding-source", "projects-category", "plan-registry"];

    private static readonly string[] CountyCharts = [.. ProvinceCharts, "county-villages", "county-projects"];

    private static readonly string[] DrawnCharts =
        ["exits-villages", "exits-persons", "households-cause", "households-place", "funding-source", "projects-category"];

    /// <summary>Set to 1 to write docs/explorer.png (the README's screenshot) from the first test.</summary>
    private const string UpdateDocsVariable = "POVERTYGRAPH_UPDATE_DOCS";

    private ServerProcess Server => fixture.Server;

    private async Task<ExplorerPage> OpenAsync(string query, string browserLanguage = "en-US")
    {
        var session = await fixture.OpenPageAsync(page => page.EvaluateExpressionOnNewDocumentAsync(
            $"Object.defineProperty(navigator, 'language', {{ get: () => '{browserLanguage}' }});" +
            $"Object.defineProperty(navigator, 'languages', {{ get: () => ['{browserLanguage}'] }});"));
        var explorer = new ExplorerPage(session, Server.BaseAddress);
        await explorer.OpenAsync(query);
        return explorer;
    }

    [Fact]
    public async Task Loads_offline_and_renders_every_chart()
    {
        var explorer = await OpenAsync("?lang=en");
        await using var page = explorer.Session;

        var cards = await explorer.CardsAsync();
        Assert.Equal(ProvinceCharts.Order(), cards.Keys.Order());
        Assert.All(cards, card => Assert.True(card.Value == "ready", $"{card.Key} is {card.Value}:\n{page.Report()}"));
        foreach (var chart in DrawnCharts)
        {
            var series = await explorer.SeriesAsync(chart);
            var table = await explorer.TableAsync(chart);
            Assert.NotEmpty(series);
            Assert.NotEmpty(table);
            Assert.True(await page.EvaluateAsync<int>($"document.querySelectorAll('#{chart} .chart svg path').length") > table.Count,
                $"{chart} drew no bars");
        }
        Assert.Contains("2017", await explorer.ChartTextsAsync("exits-villages"));

        await SaveScreenshotAsync(page, "explorer.png", alsoToDocs: true);
        AssertOffline(page);
        AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Every_chart_of_a_county_shows_the_APIs_figures()
    {
        var explorer = await OpenAsync(JiaoheInUrl + "&lang=en");
        await using var page = explorer.Session;
        var cards = await explorer.CardsAsync();
        Assert.Equal(CountyCharts.Order(), cards.Keys.Order());
        Assert.All(cards, card => Assert.True(card.Value == "ready", $"{card.Key} is {card.Value}:\n{page.Report()}"));

        var figures = new ExplorerFigures(Server, token: null);
        await ExplorerFigures.AssertChartsMatchAsync(explorer, figures, Jiaohe);

        // PUBLIC: household figures are marked protected, and the township under 5 households is withheld, not 0.
        foreach (var chart in new[] { "exits-persons", "households-cause", "households-place", "plan-registry" })
            Assert.True(await explorer.VisibleAsync($"#{chart} .badge"), $"{chart} is not marked protected");
        Assert.False(await explorer.VisibleAsync("#exits-villages .badge"));
        var townships = await explorer.TableAsync("households-place");
        var withheld = Assert.Single(townships, row => row.Status == "suppressed");
        Assert.Equal("suppressed", withheld.Cells["count"].Text);
        Assert.Null(withheld.Value("count"));
        var drawn = await explorer.SeriesAsync("households-place");
        Assert.Null(drawn[0].Data[townships.ToList().IndexOf(withheld)]);

        await SaveScreenshotAsync(page, "explorer-county.png", fullPage: true);
        AssertOffline(page);
        AssertNoPageErrors(page);
    }

    [Fact]
    public async Task With_an_official_token_the_figures_are_exact_and_not_marked_protected()
    {
        var explorer = await OpenAsync(JiaoheInUrl + "&lang=en");
        await using var page = explorer.Session;

        var token = Tokens.Official;
        await page.ClickAsync("details.token summary");
        await page.Page.TypeAsync("#token", token);
        await page.ClickAsync("#token-apply");
        await page.WaitForAsync("document.getElementById('viewer').textContent.includes('official')", "the page to show the official role");
        await explorer.WaitUntilSettledAsync();

        Assert.False(await explorer.VisibleAsync("#exits-persons .badge"));
        var figures = new ExplorerFigures(Server, token);
        await ExplorerFigures.AssertChartsMatchAsync(explorer, figures, Jiaohe);
        Assert.DoesNotContain(await explorer.TableAsync("households-place"), row => row.Status == "suppressed");

        // The token went in the Authorization header of the page's own requests, and never into a link.
        Assert.Contains(page.Requests, r => r.Url.EndsWith("/graphql", StringComparison.Ordinal)
                                            && r.Headers.GetValueOrDefault("Authorization") == "Bearer " + token);
        Assert.DoesNotContain(token, await explorer.AttributeAsync("#exits-persons .permalink", "href"));
        AssertOffline(page);
    }

    [Fact]
    public async Task Csv_links_download_the_figures_the_charts_show()
    {
        var explorer = await OpenAsync(JiaoheInUrl + "&lang=en");
        await using var page = explorer.Session;
        var figures = new ExplorerFigures(Server, token: null);

        foreach (var chart in new[] { "households-place", "funding-source", "projects-category", "plan-registry" })
        {
            var fileName = await explorer.AttributeAsync($"#{chart} .csv", "download");
            Assert.Equal($"povertygraph-{chart}-{Jiaohe}.csv", fileName);
            await page.ClickAsync($"#{chart} .csv");
            var csv = Csv.Parse(await page.WaitForDownloadAsync(fileName!));
            output.WriteLine($"{chart}.csv: {csv.Rows.Count} rows, columns {string.Join(",", csv.Headers)}");
            await figures.AssertCsvMatchesAsync(chart, csv, Jiaohe);
        }
        AssertOffline(page);
        AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Language_follows_the_browser_and_the_switch_changes_the_labels()
    {
        var explorer = await OpenAsync(JiaoheInUrl, browserLanguage: "zh-CN");
        await using var page = explorer.Session;

        Assert.Equal("吉林精准扶贫数据", await explorer.TextAsync("h1"));
        Assert.Equal("因病", (await explorer.TableAsync("households-cause")).Single(r => r.Key == "ILLNESS").Cells["primaryCause"].Text);
        Assert.Contains("因病", await explorer.ChartTextsAsync("households-cause"));
        Assert.Equal("不公布", (await explorer.TableAsync("households-place")).Single(r => r.Status == "suppressed").Cells["count"].Text);
        var chineseTownships = (await explorer.TableAsync("households-place")).Select(r => r.Cells["township"].Text).ToList();

        await page.ClickAsync("button[data-lang='en']");
        await page.WaitForAsync("document.querySelector('h1').textContent === 'Jilin poverty alleviation data'", "the English title");
        Assert.Equal("Illness", (await explorer.TableAsync("households-cause")).Single(r => r.Key == "ILLNESS").Cells["primaryCause"].Text);
        Assert.Contains("Illness", await explorer.ChartTextsAsync("households-cause"));
        Assert.DoesNotContain("因病", await explorer.ChartTextsAsync("households-cause"));
        Assert.Equal("Poor households by primary cause of poverty", await explorer.TextAsync("#households-cause h3"));
        Assert.Contains("lang=en", page.Page.Url);

        // Place names: the Chinese name, and in English the API's pinyin beside it once the schema has namePinyin.
        var pinyin = await TownshipPinyinAsync();
        var englishTownships = (await explorer.TableAsync("households-place")).Select(r => r.Cells["township"].Text).ToList();
        if (pinyin is null)
            Assert.Equal(chineseTownships, englishTownships);
        else
            Assert.Equal(chineseTownships.Select(name => $"{pinyin[name]} {name}"), englishTownships);
        output.WriteLine(pinyin is null ? "the schema has no namePinyin yet: English shows the Chinese names" : "pinyin shown");
        AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Each_chart_opens_its_query_in_GraphiQL_and_links_back_to_its_view()
    {
        var explorer = await OpenAsync(JiaoheInUrl + "&lang=en");
        await using var page = explorer.Session;
        var query = await explorer.TextAsync("#households-cause .query code");
        Assert.Contains("groupBy: [PRIMARY_CAUSE]", query);
        Assert.Contains($"county: {{ name: {{ eq: \"{Jiaohe}\" }} }}", query);

        // The citable link is the answer's receipt URL: a GET of it reproduces the chart's figures (the same answer as
        // the chart's own query), on any server of the same data version.
        var link = (await explorer.AttributeAsync("#households-cause .permalink", "href"))!;
        Assert.StartsWith(new Uri(Server.BaseAddress, "graphql?query=").ToString(), link);
        using (var http = new HttpClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, link);
            request.Headers.Accept.ParseAdd("application/graphql-response+json");
            var cited = System.Text.Json.Nodes.JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;
            var direct = await Server.QueryAsync(query);
            Assert.Equal(direct.ToJsonString(), cited["data"]!.ToJsonString());
        }

        // GraphiQL opens with exactly the chart's query in its editor.
        var graphiql = (await explorer.AttributeAsync("#households-cause .graphiql", "href"))!;
        await page.GoToAsync(new Uri(Server.BaseAddress, graphiql));
        var editor = await page.WaitForAsync(
            "(() => { const cm = document.querySelector('.graphiql-query-editor .CodeMirror'); return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : null; })()",
            "GraphiQL's query editor");
        Assert.Equal(query, editor.GetString());
        AssertOffline(page);
    }

    /// <summary>Township name → pinyin from the API, or null while the schema has no namePinyin.</summary>
    private async Task<Dictionary<string, string>?> TownshipPinyinAsync()
    {
        var fields = (await Server.QueryAsync("{ __type(name: \"Township\") { fields { name } } }"))["__type"]!["fields"]!.AsArray();
        if (!fields.Any(f => (string?)f!["name"] == "namePinyin"))
            return null;
        var nodes = (await Server.QueryAsync($$"""{ townships(first: 100, where: { county: { name: { eq: "{{Jiaohe}}" } } }) { nodes { name namePinyin } } }"""))
            ["townships"]!["nodes"]!.AsArray();
        return nodes.ToDictionary(n => (string)n!["name"]!, n => (string)n!["namePinyin"]!);
    }

    private static void AssertOffline(PageSession page)
    {
        var elsewhere = page.RequestsElsewhere;
        Assert.True(elsewhere.Count == 0, $"the page tried to reach other hosts: {string.Join(", ", elsewhere)}");
    }

    private static void AssertNoPageErrors(PageSession page)
    {
        var errors = page.Diagnostics.Where(d => d.StartsWith("uncaught", StringComparison.Ordinal)
                                                 || d.StartsWith("console.error", StringComparison.Ordinal)
                                                 || d.StartsWith("request failed", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"the page reported errors:\n{string.Join('\n', errors)}\n{page.Report()}");
    }

    private async Task SaveScreenshotAsync(PageSession page, string name, bool alsoToDocs = false, bool fullPage = false)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, name);
        await page.ScreenshotAsync(path, fullPage);
        output.WriteLine($"screenshot: {path}");
        // The README's picture of the explorer, on request only: antialiasing differs slightly from run to run, and
        // a test run should not leave the working tree changed.
        if (alsoToDocs && Environment.GetEnvironmentVariable(UpdateDocsVariable) == "1" && RepositoryDocs() is { } docs)
        {
            File.Copy(path, Path.Combine(docs, name), overwrite: true);
            output.WriteLine($"copied to {Path.Combine(docs, name)}");
        }
    }

    private static string? RepositoryDocs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PovertyGraph.sln")))
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs")).FullName;
        }

        return null;
    }

}
