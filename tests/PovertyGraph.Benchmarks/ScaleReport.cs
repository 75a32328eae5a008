using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using PovertyGraph.Data;
using PovertyGraph.Server.Documents;

namespace PovertyGraph.Benchmarks;

/// <summary>
/// The national-scale figures (<c>--scale</c>, for the national-sample profile; docs/SCALING.md): the database's rows
/// and sizes, then the county × cause grouped aggregate over every household (OFFICIAL: exact; PUBLIC: protected
/// cells; and over one province) and the village pages (scenario B; the README's page, first and second), each over
/// HTTP with p50, p95 and max and the load average around it. Figures, not a pass/fail: the 1 s p95 target is printed
/// beside them.
/// </summary>
internal static class ScaleReport
{
    private const double TargetMs = 1000;

    private sealed record Case(string Name, GraphQLClient Client, string Query, object? Variables = null);

    public static async Task<int> RunAsync(BenchFactory factory, HttpClient http, BenchDatabase database, string root, Options options)
    {
        Console.WriteLine("## Sizes");
        Console.WriteLine();
        using (var db = database.Open()) PrintSizes(db, database.Provider);

        var official = new GraphQLClient(http, GraphQLClient.OfficialToken(factory.Services));
        var anonymous = new GraphQLClient(http, null);
        var grouped = new GroupedHouseholds { Provider = database.Provider };
        var village = new VillagePage { Provider = database.Provider };
        var expected = grouped.FromSql(SqlRunner.Run(database, grouped.HandSql));
        var actual = grouped.FromGraphQL(await official.DataAsync(grouped.Query));
        Console.WriteLine();
        Console.WriteLine($"County × cause over all households, OFFICIAL: {(actual.SequenceEqual(expected) ? "equal to" : "DIFFERENT FROM")} " +
                          $"the hand-written SQL ({expected.Count:N0} groups).");

        var pageText = PersistedDocumentStore.Normalize(File.ReadAllText(Path.Combine(root, "documents", "village-page.graphql")));
        var firstPage = await anonymous.DataAsync(pageText);
        var after = firstPage["villages"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var byExitYear = PersistedDocumentStore.Normalize(File.ReadAllText(Path.Combine(root, "documents", "persons-by-exit-year-and-county.graphql")));
        var province = "{ households(where: { province: { name: { eq: \"吉林省\" } } }) { groupedAggregates(groupBy: [COUNTY, PRIMARY_CAUSE]) " +
                       "{ keys { county { name } primaryCause } count sum { memberCount } } } }";
        Case[] cases =
        [
            new("county × cause, all households, OFFICIAL (exact)", official, grouped.Query),
            new("exit year × county, all households, PUBLIC (protected cells; the README's persons-by-exit-year-and-county)", anonymous, byExitYear),
            new("county × cause, one province (吉林省), OFFICIAL", official, province),
            new("village page B (registered, western area, by exit year and name; 50 + nested counts), OFFICIAL", official, village.Query),
            new("README village page (registered, by county name and name; 50), first page, PUBLIC", anonymous, pageText),
            new("README village page, second page (after the first page's cursor), PUBLIC", anonymous, pageText, new { after }),
        ];

        Console.WriteLine();
        Console.WriteLine($"Each case: {options.ScaleWarmup} warm-up requests, then {options.ScaleRuns} timed one after another; latency in ms over HTTP (in-process server).");
        Console.WriteLine();
        Console.WriteLine("| Case | p50 | p95 | max | p95 ≤ 1 s | refused | load average before → after |");
        Console.WriteLine("|---|---:|---:|---:|:---:|---:|---|");
        foreach (var c in cases)
        {
            var body = GraphQLClient.Body(c.Query, c.Variables);
            var (status, text) = await c.Client.SendAsync(body);
            if (status != 200 || JsonNode.Parse(text)?["errors"] != null)
            {
                Console.WriteLine($"| {c.Name} | refused or failed: {status} {Truncate(text, 200).Replace("|", "\\|")} | | | | | |");
                continue;
            }
            for (var i = 0; i < options.ScaleWarmup; i++) await c.Client.SendAsync(body);
            var before = MachineInfo.LoadAverage();
            var samples = new List<double>(options.ScaleRuns);
            var refused = 0;
            for (var i = 0; i < options.ScaleRuns; i++)
            {
                var start = Stopwatch.GetTimestamp();
                (status, text) = await c.Client.SendAsync(body);
                samples.Add(Timing.Ms(start));
                // A time limit reached on a busy machine is counted (and timed: the caller waited that long), not fatal.
                if (status != 200 || text.Contains("\"errors\"", StringComparison.Ordinal)) refused++;
            }
            var p95 = Stats.Percentile(samples, 0.95);
            Console.WriteLine($"| {c.Name} | {Stats.MedianOf(samples):F1} | {p95:F1} | {samples.Max():F1} | {(p95 <= TargetMs && refused == 0 ? "✅" : "❌")} | {refused} | {before} → {MachineInfo.LoadAverage()} |");
        }
        Console.WriteLine();
        return actual.SequenceEqual(expected) ? 0 : 1;
    }

    private static void PrintSizes(DbConnection db, DatabaseProvider provider)
    {
        Console.WriteLine($"- Dataset: {Scalar(db, "SELECT \"Profile\" || ', built in ' || CAST(\"BuildSeconds\" AS TEXT) || ' s' FROM \"DatasetInfo\"")}");
        string[] tables = ["Provinces", "Prefectures", "Counties", "Townships", "Villages", "Households", "Persons", "Projects", "AuditEntries"];
        if (provider != DatabaseProvider.Postgres)
        {
            foreach (var t in tables) Console.WriteLine($"- {t}: {Scalar(db, $"SELECT COUNT(*) FROM \"{t}\""):N0} rows");
            return;
        }
        Console.WriteLine($"- Database: {Convert.ToInt64(Scalar(db, "SELECT pg_database_size(current_database())"), CultureInfo.InvariantCulture) / 1048576.0:N0} MiB");
        Console.WriteLine();
        Console.WriteLine("| Table | rows | table | indexes |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var t in tables)
        {
            var rows = Convert.ToInt64(Scalar(db, $"SELECT COUNT(*) FROM \"{t}\""), CultureInfo.InvariantCulture);
            var table = Convert.ToInt64(Scalar(db, $"SELECT pg_table_size('\"{t}\"')"), CultureInfo.InvariantCulture);
            var indexes = Convert.ToInt64(Scalar(db, $"SELECT pg_indexes_size('\"{t}\"')"), CultureInfo.InvariantCulture);
            Console.WriteLine($"| {t} | {rows:N0} | {table / 1048576.0:N0} MiB | {indexes / 1048576.0:N0} MiB |");
        }
    }

    private static object? Scalar(DbConnection db, string sql) => BenchDatabase.Scalar(db, sql);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
