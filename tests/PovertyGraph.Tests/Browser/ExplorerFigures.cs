using System.Globalization;
using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// What each explorer chart must show for a county, asked of the API over HTTP with the tests' own queries (as the
/// same role as the page), and the checks that compare a chart's table, drawn series and CSV with it.
/// Rows are keyed as the page keys its table rows; values are normalised numbers or texts by column.
/// </summary>
public sealed class ExplorerFigures(ServerProcess server, string? token)
{
    public sealed record ExpectedRow(string Key, bool Suppressed, IReadOnlyDictionary<string, string?> Values);

    /// <summary>Charts whose rows come in the API's order (lists), not as groups.</summary>
    private static readonly HashSet<string> Ordered = ["county-villages", "county-projects"];

    /// <summary>The columns that key a chart's CSV rows.</summary>
    private static readonly Dictionary<string, string[]> CsvKeys = new()
    {
        // The server's grouped tables (households-place, funding-source, projects-category) name places by their name column.
        ["households-place"] = ["township.name"],
        ["funding-source"] = ["source.name", "year"],
        ["projects-category"] = ["category", "kind"],
        ["plan-registry"] = ["indicator", "year"],
    };

    /// <summary>Which table column each drawn series shows, for the charts with one bar per row.</summary>
    private static readonly Dictionary<string, string[]> SeriesColumns = new()
    {
        ["exits-villages"] = ["count"],
        ["exits-persons"] = ["sum_memberCount", "count"],
        ["households-cause"] = ["count", "sum_memberCount"],
        ["households-place"] = ["count", "sum_memberCount"],
    };

    /// <summary>Stacked charts: the money column whose values the bars share out.</summary>
    private static readonly Dictionary<string, string> StackedColumn = new()
    {
        ["funding-source"] = "sum_amount",
        ["projects-category"] = "sum_budget",
    };

    private Task<JsonNode> Query(string query) => server.QueryAsync(query, token);

    public async Task<IReadOnlyList<ExpectedRow>> ExpectedAsync(string chart, string county)
    {
        var inCounty = $"county: {{ name: {{ eq: \"{county}\" }} }}";
        switch (chart)
        {
            case "exits-villages":
                return Groups((await Query($"{{ villages(where: {{ registered: {{ eq: true }}, {inCounty} }}) {{ groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) {{ keys {{ plannedExitYear }} count suppressed }} }} }}"))["villages"]!,
                    g => Text(g["keys"]!["plannedExitYear"]), ("count", g => g["count"]));
            case "exits-persons":
                return Groups((await Query($"{{ households(where: {{ {inCounty} }}) {{ groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) {{ keys {{ plannedExitYear }} count sum {{ memberCount }} suppressed }} }} }}"))["households"]!,
                    g => Text(g["keys"]!["plannedExitYear"]), ("count", g => g["count"]), ("sum_memberCount", g => g["sum"]?["memberCount"]));
            case "households-cause":
                return Groups((await Query($"{{ households(where: {{ {inCounty} }}) {{ groupedAggregates(groupBy: [PRIMARY_CAUSE]) {{ keys {{ primaryCause }} count sum {{ memberCount }} suppressed }} }} }}"))["households"]!,
                    g => Text(g["keys"]!["primaryCause"]), ("primaryCause", g => g["keys"]!["primaryCause"]), ("count", g => g["count"]), ("sum_memberCount", g => g["sum"]?["memberCount"]));
            case "households-place":
                return Groups((await Query($"{{ households(where: {{ {inCounty} }}) {{ groupedAggregates(groupBy: [TOWNSHIP]) {{ keys {{ township {{ name }} }} count sum {{ memberCount }} suppressed }} }} }}"))["households"]!,
                    g => Text(g["keys"]!["township"]!["name"]), ("township", g => g["keys"]!["township"]!["name"]), ("count", g => g["count"]), ("sum_memberCount", g => g["sum"]?["memberCount"]));
            case "funding-source":
                return Groups((await Query($"{{ fundingAllocations(where: {{ project: {{ {inCounty} }} }}) {{ groupedAggregates(groupBy: [SOURCE, YEAR]) {{ keys {{ source {{ name }} year }} count sum {{ amount }} suppressed }} }} }}"))["fundingAllocations"]!,
                    g => $"{Text(g["keys"]!["source"]!["name"])}|{Text(g["keys"]!["year"])}", ("source", g => g["keys"]!["source"]!["name"]), ("year", g => g["keys"]!["year"]), ("count", g => g["count"]), ("sum_amount", g => g["sum"]?["amount"]));
            case "projects-category":
                return Groups((await Query($"{{ projects(where: {{ {inCounty} }}) {{ groupedAggregates(groupBy: [CATEGORY, KIND]) {{ keys {{ category kind }} count sum {{ budget }} suppressed }} }} }}"))["projects"]!,
                    g => $"{Text(g["keys"]!["category"])}|{Text(g["keys"]!["kind"])}", ("category", g => g["keys"]!["category"]), ("kind", g => g["keys"]!["kind"]), ("count", g => g["count"]), ("sum_budget", g => g["sum"]?["budget"]));
            case "county-villages":
                var villages = (await Query($"{{ villages(first: 500, where: {{ registered: {{ eq: true }}, {inCounty} }}, order: [{{ township: {{ name: ASC }} }}, {{ name: ASC }}]) {{ nodes {{ name township {{ name }} plannedExitYear }} }} }}"))["villages"]!["nodes"]!.AsArray();
                return villages.Select((v, i) => Row($"{i}:{Text(v!["name"])}", false, ("village", v!["name"]), ("township", v["township"]!["name"]), ("plannedExitYear", v["plannedExitYear"]))).ToList();
            case "county-projects":
                var projects = (await Query($"{{ projects(first: 20, where: {{ kind: {{ eq: PROJECT }}, {inCounty} }}, order: [{{ budget: DESC }}]) {{ nodes {{ name category budget allocations {{ totalCount }} }} }} }}"))["projects"]!["nodes"]!.AsArray();
                return projects.Select((p, i) => Row($"{i}:{Text(p!["name"])}", false, ("name", p!["name"]), ("category", p["category"]), ("budget", p["budget"]), ("allocations", p["allocations"]!["totalCount"]))).ToList();
            case "plan-registry":
                return await PlanAndRegistryAsync(inCounty, county);
            default:
                throw new ArgumentException($"no expectation for {chart}", nameof(chart));
        }
    }

    /// <summary>
    /// The plan targets of the county that the registry can count, each with the registry's figure from the tests'
    /// own aggregate queries: totals for the base year 2015, planned exits for the other years.
    /// </summary>
    private async Task<IReadOnlyList<ExpectedRow>> PlanAndRegistryAsync(string inCounty, string county)
    {
        var data = await Query($$"""
            {
              planTargets(first: 500, where: { region: { eq: "{{county}}" } }) { nodes { indicator unit year valueText } }
              registered: villages(where: { registered: { eq: true }, {{inCounty}} }) { totalCount groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) { keys { plannedExitYear } count } }
              provincial: villages(where: { provincialLevel: { eq: true }, {{inCounty}} }) { totalCount }
              households(where: { {{inCounty}} }) { aggregates { count sum { memberCount } suppressed }
                groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) { keys { plannedExitYear } count sum { memberCount } suppressed } }
              inProvincial: households(where: { village: { provincialLevel: { eq: true } }, {{inCounty}} }) { aggregates { count sum { memberCount } suppressed } }
            }
            """);
        var all = data["households"]!["aggregates"]!;
        var provincial = data["inProvincial"]!["aggregates"]!;
        JsonNode? ExitGroup(int year) => data["households"]!["groupedAggregates"]!.AsArray().FirstOrDefault(g => (int)g!["keys"]!["plannedExitYear"]! == year);
        int VillagesExiting(int year) => data["registered"]!["groupedAggregates"]!.AsArray()
            .Where(g => (int)g!["keys"]!["plannedExitYear"]! == year).Select(g => (int)g!["count"]!).SingleOrDefault();

        // (value, suppressed) of the registry for an indicator and year; null where it has none to compare.
        (JsonNode? Value, bool Suppressed)? Registry(string indicator, int year) => indicator switch
        {
            "建档立卡贫困人口脱贫数" or "建档立卡年度脱贫人口" when year == 2015 => (all["sum"]?["memberCount"], (bool)all["suppressed"]!),
            "建档立卡贫困人口脱贫数" or "建档立卡年度脱贫人口" => ExitGroup(year) is { } g ? (g["sum"]?["memberCount"], (bool)g["suppressed"]!) : (JsonValue.Create(0), false),
            "建档立卡贫困村退出数" or "建档立卡贫困村年度退出" => (JsonValue.Create(year == 2015 ? (int)data["registered"]!["totalCount"]! : VillagesExiting(year)), false),
            "建档立卡贫困村" when year == 2015 => (data["registered"]!["totalCount"], false),
            "贫困户数" when year == 2015 => (all["count"], (bool)all["suppressed"]!),
            "贫困人口数" or "建档立卡贫困人口" when year == 2015 => (all["sum"]?["memberCount"], (bool)all["suppressed"]!),
            "省级贫困村数量" when year == 2015 => (data["provincial"]!["totalCount"], false),
            "省级贫困村贫困户数" when year == 2015 => (provincial["count"], (bool)provincial["suppressed"]!),
            "省级贫困村贫困人口数" when year == 2015 => (provincial["sum"]?["memberCount"], (bool)provincial["suppressed"]!),
            _ => null,
        };

        var rows = new List<ExpectedRow>();
        foreach (var target in data["planTargets"]!["nodes"]!.AsArray())
        {
            var indicator = (string)target!["indicator"]!;
            var year = (int)target["year"]!;
            if ((string?)target["unit"] is not ("人" or "个" or "户") || Registry(indicator, year) is not { } registry)
                continue;
            rows.Add(Row($"{indicator}|{year}", registry.Suppressed, ("indicator", target["indicator"]), ("year", target["year"]),
                ("plan", target["valueText"]), ("registry", registry.Suppressed ? null : registry.Value)));
        }
        return rows;
    }

    /// <summary>Compares every chart of a county page with the API: table rows and values, and the drawn series.</summary>
    public static async Task AssertChartsMatchAsync(ExplorerPage explorer, ExplorerFigures figures, string county)
    {
        foreach (var chart in (await explorer.CardsAsync()).Keys)
        {
            var expected = await figures.ExpectedAsync(chart, county);
            var table = await explorer.TableAsync(chart);
            Assert.True(expected.Count > 0, $"{chart}: the API has no figures to compare with");
            var expectedKeys = expected.Select(r => r.Key).ToList();
            var tableKeys = table.Select(r => r.Key).ToList();
            if (Ordered.Contains(chart)) Assert.Equal(expectedKeys, tableKeys);
            else Assert.Equal(expectedKeys.Order(StringComparer.Ordinal), tableKeys.Order(StringComparer.Ordinal));

            foreach (var row in expected)
            {
                var shown = table.Single(r => r.Key == row.Key);
                Assert.True(row.Suppressed == (shown.Status == "suppressed"), $"{chart} {row.Key}: suppressed should be {row.Suppressed}");
                foreach (var (column, value) in row.Values)
                {
                    Assert.True(Normalise(value) == Normalise(shown.Value(column)),
                        $"{chart} {row.Key} {column}: the API says '{value}', the page shows '{shown.Value(column)}' ({shown.Cells[column].Text})");
                }
            }

            if (SeriesColumns.TryGetValue(chart, out var columns))
            {
                var series = await explorer.SeriesAsync(chart);
                Assert.Equal(columns.Length, series.Count);
                for (var s = 0; s < columns.Length; s++)
                    Assert.Equal(table.Select(r => Normalise(r.Value(columns[s]))), series[s].Data.Select(Normalise));
            }
            else if (StackedColumn.TryGetValue(chart, out var money))
            {
                var drawn = (await explorer.SeriesAsync(chart)).SelectMany(s => s.Data).Where(d => d is not null && d != "-").Select(Normalise);
                Assert.Equal(table.Select(r => Normalise(r.Value(money))).Order(), drawn.Order());
            }
        }
    }

    /// <summary>Compares a chart's downloaded CSV with the API: one line per cell, suppressed cells empty with a status.</summary>
    public async Task AssertCsvMatchesAsync(string chart, Csv csv, string county)
    {
        var keys = CsvKeys[chart];
        var expected = await ExpectedAsync(chart, county);
        Assert.Equal(expected.Count, csv.Rows.Count);
        foreach (var row in expected)
        {
            var line = csv.Rows.Single(r => string.Join("|", keys.Select(k => r[k])) == row.Key);
            // The page's own CSV says "suppressed" or nothing; the server's says exact, perturbed or suppressed.
            Assert.Equal(row.Suppressed, line.GetValueOrDefault("status", "") == "suppressed");
            foreach (var (column, value) in row.Values.Where(v => csv.Headers.Contains(v.Key)))
                Assert.True(Normalise(value) == Normalise(line[column]), $"{chart}.csv {row.Key} {column}: API '{value}', CSV '{line[column]}'");
        }
    }

    private static List<ExpectedRow> Groups(JsonNode connection, Func<JsonNode, string> key, params (string Column, Func<JsonNode, JsonNode?> Get)[] columns) =>
        connection["groupedAggregates"]!.AsArray().Select(g =>
            Row(key(g!), (bool)g!["suppressed"]!, columns.Select(c => (c.Column, c.Get(g))).ToArray())).ToList();

    private static ExpectedRow Row(string key, bool suppressed, params (string Column, JsonNode? Value)[] values) =>
        new(key, suppressed, values.ToDictionary(v => v.Column, v => v.Value is null ? null : Text(v.Value)));

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";

    /// <summary>Numbers compared as numbers (240000000 = 240000000.0); texts as they are; empty = null.</summary>
    private static string? Normalise(string? value) =>
        string.IsNullOrEmpty(value) ? null
        : decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number.ToString("G29", CultureInfo.InvariantCulture)
        : value;
}
