using System.Text.Json;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// The explorer as a test reads it: which charts it shows, each chart's data table (raw values in data-value),
/// the figures ECharts drew, and the links of a chart's buttons.
/// </summary>
public sealed class ExplorerPage(PageSession session, Uri baseAddress)
{
    /// <summary>Every card has finished loading (or found nothing, or failed).</summary>
    private const string Settled = """
        (() => document.body.dataset.ready === 'true'
          && document.querySelectorAll('.card').length > 0
          && [...document.querySelectorAll('.card')].every(c => ['ready', 'empty', 'error'].includes(c.dataset.state)))()
        """;

    public PageSession Session => session;

    /// <summary>Opens /explore{query} and waits for every chart.</summary>
    public async Task OpenAsync(string query = "")
    {
        await session.GoToAsync(new Uri(baseAddress, "explore" + query));
        await WaitUntilSettledAsync();
    }

    public Task WaitUntilSettledAsync() => session.WaitForAsync(Settled, "every chart of the explorer to load");

    /// <summary>The cards on the page and their states: { "exits-villages": "ready", … }.</summary>
    public async Task<Dictionary<string, string>> CardsAsync() =>
        (await session.EvaluateAsync<Dictionary<string, string>>(
            "Object.fromEntries([...document.querySelectorAll('.card')].map(c => [c.id, c.dataset.state]))"))!;

    /// <summary>A chart's data table.</summary>
    public async Task<IReadOnlyList<TableRow>> TableAsync(string chart)
    {
        var rows = await session.EvaluateAsync<JsonElement>($$"""
            [...document.querySelectorAll('#{{chart}} table tbody tr')].map(tr => ({
              key: tr.dataset.key,
              status: tr.dataset.status || null,
              cells: Object.fromEntries([...tr.cells].map(td => [td.dataset.column,
                { value: td.dataset.value === undefined ? null : td.dataset.value, text: td.textContent, status: td.dataset.status || null }]))
            }))
            """);
        return rows.EnumerateArray().Select(row => new TableRow(
            row.GetProperty("key").GetString()!,
            row.GetProperty("status").GetString(),
            row.GetProperty("cells").EnumerateObject().ToDictionary(c => c.Name, c => new TableCell(
                c.Value.GetProperty("value").GetString(), c.Value.GetProperty("text").GetString()!, c.Value.GetProperty("status").GetString())))).ToList();
    }

    /// <summary>The series ECharts drew: name and values (null where a cell was withheld, "-" where there is none).</summary>
    public async Task<IReadOnlyList<ChartSeries>> SeriesAsync(string chart)
    {
        var series = await session.EvaluateAsync<JsonElement>($$"""
            (() => {
              const chart = echarts.getInstanceByDom(document.querySelector('#{{chart}} .chart'));
              return chart.getOption().series.map(s => ({
                name: s.name,
                data: s.data.map(d => d !== null && typeof d === 'object' ? (d.suppressed ? null : String(d.value)) : String(d))
              }));
            })()
            """);
        return series.EnumerateArray().Select(s => new ChartSeries(s.GetProperty("name").GetString()!,
            s.GetProperty("data").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Null ? null : d.GetString()).ToList())).ToList();
    }

    /// <summary>The texts ECharts wrote into a chart's SVG (axis labels, legend).</summary>
    public async Task<IReadOnlyList<string>> ChartTextsAsync(string chart) =>
        (await session.EvaluateAsync<string[]>($"[...document.querySelectorAll('#{chart} .chart svg text')].map(t => t.textContent)"))!;

    public async Task<string> TextAsync(string selector) =>
        (await session.EvaluateAsync<string>($"document.querySelector({JsonSerializer.Serialize(selector)}).textContent"))!;

    public async Task<string?> AttributeAsync(string selector, string attribute) =>
        await session.EvaluateAsync<string?>($"document.querySelector({JsonSerializer.Serialize(selector)}).getAttribute('{attribute}')");

    /// <summary>Whether an element exists and is shown.</summary>
    public async Task<bool> VisibleAsync(string selector) =>
        await session.EvaluateAsync<bool>($"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); return !!e && !e.hidden && e.offsetParent !== null; }})()");

    public sealed record TableRow(string Key, string? Status, IReadOnlyDictionary<string, TableCell> Cells)
    {
        public string? Value(string column) => Cells[column].Value;
    }

    public sealed record TableCell(string? Value, string Text, string? Status);

    public sealed record ChartSeries(string Name, IReadOnlyList<string?> Data);
}
