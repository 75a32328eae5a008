using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using Xunit.Abstractions;

namespace PovertyGraph.Tests.Differential;

/// <summary>
/// The differential test checks answers; this checks where they are computed: filters, sorts, pages and
/// groups are SQL (WHERE, ORDER BY, LIMIT page size + 1, GROUP BY), never a table read into memory.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class SqlPushdownTests(PovertyGraphFactory factory, ITestOutputHelper output)
{
    // SQL text is matched ignoring case where the providers differ (SQLite's EF writes COUNT(*), PostgreSQL's count(*)).
    // EF parameterizes LIMIT (LIMIT @p); the SqlCommandLog keeps command texts only, so the values of the
    // parameters are taken from EF's diagnostic events of the same commands.
    private readonly ParameterCapture _parameters = new();

    private async Task<IReadOnlyList<string>> Record(string query, string? token = null)
    {
        var log = factory.Services.GetRequiredService<SqlCommandLog>();
        await factory.QueryAsync(query, token: token); // warm-up: the first run also compiles and may load metadata
        using var capture = _parameters.Start();
        using var recording = log.Record();
        await factory.QueryAsync(query, token: token);
        var commands = recording.Commands;
        foreach (var command in commands) output.WriteLine(command + "\n");
        return commands;
    }

    /// <summary>The statements that read a table (as their main FROM, or joined).</summary>
    private static List<string> Reading(IEnumerable<string> commands, string table) =>
        commands.Where(c => c.Contains($"FROM \"{table}\"", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_filtered_sorted_page_is_one_query_with_where_order_by_and_limit_of_page_size_plus_one()
    {
        const int pageSize = 7;
        var commands = await Record("""
            { villages(where: {plannedExitYear: {gte: 2018}, county: {name: {eq: "蛟河市"}}},
                       order: [{township: {name: DESC}}, {name: ASC}], first: 7) { nodes { id name } } }
            """);
        var page = Assert.Single(Reading(commands, "Villages"));
        Assert.Contains("WHERE", page);
        Assert.Contains("ORDER BY", page);
        Assert.Equal(pageSize + 1, Limit(page));
        Assert.DoesNotContain("GROUP BY", page);
    }

    [Fact]
    public async Task A_page_after_a_cursor_is_still_a_limited_query()
    {
        const string order = "order: [{plannedExitYear: DESC}, {name: ASC}]";
        var first = await factory.QueryAsync($"{{ villages({order}, first: 3) {{ pageInfo {{ endCursor }} }} }}");
        var cursor = first["villages"]!["pageInfo"]!["endCursor"]!.ToString();
        var commands = await Record($"{{ villages({order}, first: 4, after: \"{cursor}\") {{ nodes {{ id }} }} }}");
        var page = Assert.Single(Reading(commands, "Villages"));
        Assert.Contains("WHERE", page); // the keyset predicate
        Assert.Contains("ORDER BY", page);
        Assert.Equal(5, Limit(page));
    }

    [Fact]
    public async Task Totals_and_aggregates_are_computed_by_SQL()
    {
        var commands = await Record("""
            { projects(where: {category: {in: [PLANTING, PHOTOVOLTAIC]}}, first: 2) {
                totalCount
                aggregates { count sum { budget } avg { startYear } }
                groupedAggregates(groupBy: [CATEGORY, STATUS]) { keys { category status } count sum { budget } }
            } }
            """);
        var reads = Reading(commands, "Projects");
        Assert.All(reads, c => Assert.Contains("WHERE", c));
        Assert.Contains(reads, c => c.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase) && !c.Contains("GROUP BY", StringComparison.Ordinal));
        Assert.Contains(reads, c => c.Contains("SUM(", StringComparison.OrdinalIgnoreCase) && c.Contains("AVG(", StringComparison.OrdinalIgnoreCase));
        var grouped = Assert.Single(reads, c => c.Contains("GROUP BY", StringComparison.Ordinal) && c.Contains("\"Category\"", StringComparison.Ordinal)
                                              && c.Contains("\"Status\"", StringComparison.Ordinal));
        Assert.Contains("ORDER BY", grouped);
        // Every read of the table is limited, counted or grouped: none brings the matched rows into memory.
        Assert.All(reads, c => Assert.True(Limit(c) != null || c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase) || c.Contains("GROUP BY", StringComparison.Ordinal),
            $"unbounded read of Projects:\n{c}"));
    }

    [Fact]
    public async Task A_grouped_aggregate_through_a_relation_is_one_GROUP_BY_with_a_LIMIT_for_first()
    {
        var commands = await Record("""
            { fundingAllocations(where: {year: {gte: 2016}}) {
                groupedAggregates(groupBy: [SOURCE_LEVEL, YEAR], first: 3) { keys { sourceLevel year } count sum { amount } }
            } }
            """);
        var grouped = Assert.Single(Reading(commands, "FundingAllocations"));
        Assert.Contains("WHERE", grouped);
        Assert.Contains("GROUP BY", grouped);
        Assert.Contains("ORDER BY", grouped);
        Assert.Equal(3, Limit(grouped));
    }

    [Fact]
    public async Task Nested_pages_are_limited_per_parent_in_SQL()
    {
        // Below a root page: in the root's own statement, each parent's page a correlated subquery aggregated to JSON.
        var commands = await Record("""
            { counties(first: 50) { nodes { villages(where: {registered: {eq: true}}, order: [{name: DESC}], first: 2) { nodes { id } } } } }
            """);
        var statement = Assert.Single(commands);
        var subquery = statement[statement.IndexOf("FROM \"Villages\"", StringComparison.Ordinal)..];
        // Aliases are quoted on SQLite ("c"."Id") and not on PostgreSQL (c."Id").
        Assert.Matches("WHERE \"?c\"?\\.\"Id\" = \"?v\"?\\.\"CountyId\" AND \"?v\"?\\.\"Registered\" = @", subquery);
        Assert.Contains("ORDER BY", subquery);
        Assert.Contains("LIMIT @", subquery);
        Assert.Matches("json_quote\\(|to_json\\(", statement);

        // Below a nested page: one statement per level, the children numbered per parent.
        commands = await Record("""
            { prefectures(first: 9) { nodes { counties(first: 50) { nodes { villages(where: {registered: {eq: true}}, order: [{name: DESC}], first: 2) { nodes { id } } } } } } }
            """);
        var nested = Assert.Single(Reading(commands, "Villages"));
        Assert.Contains("WHERE", nested);
        Assert.Contains("ROW_NUMBER() OVER(PARTITION BY", nested.Replace("OVER (", "OVER("));
        Assert.Contains("ORDER BY", nested);
    }

    /// <summary>The LIMIT of a statement (a literal, or the value its parameter had); null when there is none.</summary>
    private int? Limit(string sql)
    {
        var match = LimitPattern().Match(sql);
        if (!match.Success) return null;
        var operand = match.Groups[1].Value;
        if (int.TryParse(operand, out var literal)) return literal;
        var value = _parameters.Value(sql, operand);
        Assert.True(value != null, $"LIMIT {operand}: no value captured for the parameter\n{sql}");
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Parameter values of the commands EF executes while started, from its DiagnosticSource events.</summary>
    private sealed class ParameterCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private readonly ConcurrentQueue<(string Text, Dictionary<string, object?> Parameters)> _commands = new();
        private readonly List<IDisposable> _subscriptions = [];
        private volatile bool _on;

        public IDisposable Start()
        {
            lock (_subscriptions)
                if (_subscriptions.Count == 0) _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
            _commands.Clear();
            _on = true;
            return new Stop(this);
        }

        private sealed class Stop(ParameterCapture capture) : IDisposable
        {
            public void Dispose() => capture._on = false;
        }

        public object? Value(string commandText, string parameter)
        {
            foreach (var (text, parameters) in _commands)
                if (text == commandText && parameters.TryGetValue(parameter, out var value)) return value;
            return null;
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (!_on || e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData data) return;
            _commands.Enqueue((data.Command.CommandText, data.Command.Parameters.Cast<DbParameter>()
                .ToDictionary(p => p.ParameterName.StartsWith('@') ? p.ParameterName : "@" + p.ParameterName, p => p.Value is DBNull ? null : p.Value)));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    [GeneratedRegex(@"\bLIMIT\s+(\S+)")]
    private static partial Regex LimitPattern();
}
