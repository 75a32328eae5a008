// PovertyGraph performance benchmark: each scenario's GraphQL query over HTTP (in-process server, real pipeline)
// against the same result computed by hand-written SQL on the same database (SQLite file, or PostgreSQL).
//
//   dotnet run -c Release --project tests/PovertyGraph.Benchmarks -- [--db PATH | --postgres CONNSTR] [--runs N] [--warmup N]
//       [--warmup-seconds S] [--scenario A,B,...] [--show-sql] [--graphql-only] [--set key=value]
//
// --postgres runs on the PostgreSQL database the connection string names (built at the server's first start when
// empty), e.g. --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=povertygraph_bench";
//   dotnet run -c Release --project tests/PovertyGraph.Benchmarks -- --hostile [--hostile-samples N] [--throughput-seconds S]
//   dotnet run -c Release --project tests/PovertyGraph.Benchmarks -- --postgres CONNSTR --scale [--scale-runs N] [--scale-warmup N]
//
// --hostile runs the hostile-load scenario instead (HostileLoad.cs): a light caller's latency idle and under attack.
// --scale prints the national-sample figures instead (ScaleReport.cs): sizes, grouped aggregate and village page p50/p95.
// --downloads streams every person in each format (DownloadRun.cs) and prints the server's memory while it streams.
// --show-sql prints the SQL EF ran for each scenario; --graphql-only times only the GraphQL side (for a profiler);
// --set passes a configuration setting to the server (e.g. --set Paging:MaxGroups=10000).
// --compare NAME runs an A/B in one process: two servers, with and without the optimisation NAME (see --help).
//
// The target: every scenario within 1.5× of hand-written SQL (ratio of medians).

using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;

namespace PovertyGraph.Benchmarks;

internal static class Benchmark
{
    private const double Target = 1.5;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        var options = Options.Parse(args);
        if (options == null) return 2;

        var root = Options.RepositoryRoot() ?? throw new InvalidOperationException("PovertyGraph.sln not found above the working directory");
        var database = options.Postgres != null
            ? new BenchDatabase(DatabaseProvider.Postgres, options.Postgres)
            : new BenchDatabase(DatabaseProvider.Sqlite, Path.GetFullPath(options.Db ?? Path.Combine(root, ".tmp", "bench", "province.db")));
        if (database.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(Path.GetDirectoryName(database.ConnectionString)!);

        Console.WriteLine("# PovertyGraph benchmark");
        Console.WriteLine();
        MachineInfo.Print(options);

        // ---- server (builds the database on first start) --------------------------------------------------------------
        var existed = database.Built();
        var capture = new EfCommandCapture();
        var settings = options.Settings;
        if (options.Hostile && !settings.ContainsKey("RateLimiting:Enabled"))
            settings = new Dictionary<string, string?>(settings) { ["RateLimiting:Enabled"] = "true" };
        using var factory = new BenchFactory(root, database, settings);
        var startClock = Stopwatch.StartNew();
        var http = factory.CreateClient();
        var startSeconds = startClock.Elapsed.TotalSeconds;
        var sqlLog = factory.Services.GetRequiredService<SqlCommandLog>();
        using (var db = database.Open())
        {
            var info = Scalar(db, "SELECT \"Profile\" || ' ' || \"Version\" || ', built in ' || CAST(\"BuildSeconds\" AS TEXT) || ' s' FROM \"DatasetInfo\"");
            var sizes = $"{Scalar(db, "SELECT COUNT(*) FROM \"Households\""):N0} households, {Scalar(db, "SELECT COUNT(*) FROM \"Persons\""):N0} persons, " +
                        $"{Scalar(db, "SELECT COUNT(*) FROM \"Villages\""):N0} villages, {Scalar(db, "SELECT COUNT(*) FROM \"Projects\""):N0} projects, " +
                        $"{Scalar(db, "SELECT COUNT(*) FROM \"FundingAllocations\""):N0} funding allocations";
            Console.WriteLine(existed
                ? $"- Database: reused {database.Name} ({info}); server start {startSeconds:F1} s"
                : $"- Database: BUILT {database.Name} at server start in {startSeconds:F1} s (DatasetInfo: {info})");
            Console.WriteLine($"- Data: {sizes}; {database.Describe(db)}");
        }

        if (options.Hostile) return await HostileLoad.RunAsync(factory, root, options);
        if (options.Downloads) return await DownloadRun.RunAsync(http);
        if (options.Compare != null)
        {
            Scenario[] abScenarios = [new GroupedHouseholds(), new VillagePage(), new DeepHouseholdPage(), new FundingBySourceYear(), new FixedCostScenario()];
            return await AbRun.RunAsync(root, database, options, abScenarios.Where(s => options.Scenarios == null || options.Scenarios.Contains(s.Key)).ToList());
        }
        if (options.Scale) return await ScaleReport.RunAsync(factory, http, database, root, options);

        var token = GraphQLClient.OfficialToken(factory.Services);
        var client = new GraphQLClient(http, token);
        Console.WriteLine(token != null
            ? "- Caller: OFFICIAL (development token minted with PovertyGraph.Server.Auth.DevelopmentTokens): exact statistics, full fields"
            : "- Caller: PUBLIC (Auth:Authority is set, so no development token can be minted)");
        Console.WriteLine($"- Runs: {options.Runs} measured after warm-ups of at least {options.Warmup} runs and {options.WarmupSeconds} s per side (so the JIT has tiered up), GraphQL / hand SQL / EF-SQL replay interleaved; latency in ms");
        Console.WriteLine();

        // The fixed cost of a request: HTTP pipeline, token validation, GraphQL parse/validate/execute, JSON; no SQL.
        var baselineBody = GraphQLClient.Body("{ __typename }", null);
        await WarmUpAsync(options, () => client.SendAsync(baselineBody));
        var baselineSamples = new Samples();
        for (var i = 0; i < options.Runs; i++) await baselineSamples.TimeAsync(() => client.SendAsync(baselineBody));
        var baseline = baselineSamples.Stats;
        Console.WriteLine($"Fixed cost of a request (`{{ __typename }}`: HTTP, token, GraphQL, JSON; no SQL): median {baseline.Median:F2} ms, p90 {baseline.P90:F2} ms");
        Console.WriteLine();

        Scenario[] all = [new GroupedHouseholds(), new VillagePage(), new DeepHouseholdPage(), new FundingBySourceYear()];
        var scenarios = all.Where(s => options.Scenarios == null || options.Scenarios.Contains(s.Key)).ToList();
        var results = new List<Result>();

        using (var setupDb = database.Open())
        {
            foreach (var s in scenarios)
            {
                s.Provider = database.Provider;
                await s.SetupAsync(client, setupDb);
            }
        }

        foreach (var scenario in scenarios)
        {
            Console.WriteLine($"## {scenario.Key} — {scenario.Title}");
            var body = GraphQLClient.Body(scenario.Query, scenario.Variables);
            var handSql = scenario.HandSql;

            // Verification run, capturing EF's statements (text, parameters, duration).
            capture.Start();
            var (status, text) = await client.SendAsync(body);
            var efCommands = capture.Stop();
            var firstCompilations = capture.Compilations;
            var expected = scenario.FromSql(SqlRunner.Run(database, handSql));
            var actual = scenario.FromGraphQL(GraphQLClient.Data(status, text));
            var verdict = Compare(actual, expected);
            // Replay only EF's reads on the read-only connection (writes, e.g. audit entries, are reported, not replayed).
            var replay = efCommands.Where(c => IsRead(c.Text)).Select(c => new SqlStatement(c.Text, c.Parameters.ToArray())).ToList();
            var writes = efCommands.Count - replay.Count;
            if (options.ShowSql)
            {
                Console.WriteLine($"EF query compilations in this scenario's first request: {firstCompilations}");
                foreach (var c in efCommands)
                    Console.WriteLine($"EF statement {c.Order} ({c.Milliseconds:F2} ms first run), parameters: {string.Join(", ", c.Parameters.Select(p => $"{p.Name}={Describe(p.Value)}"))}\n```sql\n{c.Text}\n```");
            }

            // Warm-up until the JIT has promoted the hot paths (tiering needs both calls and time), each side alike.
            await WarmUpAsync(options, () => client.SendAsync(body));
            if (!options.GraphQLOnly)
            {
                await WarmUpAsync(options, () => Task.FromResult(SqlRunner.Run(database, handSql)));
                await WarmUpAsync(options, () => Task.FromResult(SqlRunner.Run(database, replay)));
            }

            var graphql = new Samples();
            var sql = new Samples();
            var efSql = new Samples();
            var statementsBefore = sqlLog.Count;
            string last = text;
            for (var i = 0; i < options.Runs; i++)
            {
                var response = await graphql.TimeAsync(() => client.SendAsync(body));
                if (response.Status != 200) throw new InvalidOperationException($"status {response.Status}: {response.Body}");
                last = response.Body;
                if (options.GraphQLOnly) continue;
                sql.Time(() => SqlRunner.Run(database, handSql));
                efSql.Time(() => SqlRunner.Run(database, replay));
            }
            var statementsPerRequest = (sqlLog.Count - statementsBefore) / (double)options.Runs;
            if (verdict == "OK") verdict = Compare(scenario.FromGraphQL(GraphQLClient.Data(200, last)), expected);

            // Where the GraphQL time goes: EF's own duration of each statement (a separate pass, so the timed runs carry no diagnostics).
            var inStatements = new List<double>();
            var compilations = 0;
            var profiled = Math.Min(options.Runs, 10);
            var perStatement = new Dictionary<int, (string Text, List<double> Ms)>();
            for (var i = 0; i < profiled; i++)
            {
                capture.Start();
                await client.SendAsync(body);
                var commands = capture.Stop();
                inStatements.Add(commands.Sum(c => c.Milliseconds ?? 0));
                compilations += capture.Compilations;
                foreach (var (c, k) in commands.Select((c, k) => (c, k)))
                {
                    if (!perStatement.TryGetValue(k, out var entry)) perStatement[k] = entry = (c.Text, []);
                    entry.Ms.Add(c.Milliseconds ?? 0);
                }
            }

            // Memory: bytes the process allocates per request and garbage collections per 100 requests (GraphQL side only).
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var gen0Before = GC.CollectionCount(0);
            var gen2Before = GC.CollectionCount(2);
            const int allocationRuns = 100;
            for (var i = 0; i < allocationRuns; i++) await client.SendAsync(body);
            var allocatedPerRequest = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)allocationRuns;
            var gen0Per100 = (GC.CollectionCount(0) - gen0Before) * 100.0 / allocationRuns;
            var gen2Per100 = (GC.CollectionCount(2) - gen2Before) * 100.0 / allocationRuns;

            var result = new Result(scenario.Key, scenario.Title, graphql.Stats, sql.Stats, efSql.Stats, Stats.MedianOf(inStatements),
                statementsPerRequest, handSql.Count, expected.Count, text.Length, verdict, compilations / (double)profiled);
            results.Add(result);
            Console.WriteLine($"- result: {verdict} ({expected.Count} canonical rows; response {text.Length:N0} bytes)");
            Console.WriteLine($"- GraphQL over HTTP: median {result.GraphQL.Median:F2} ms, p90 {result.GraphQL.P90:F2} ms, CPU {result.GraphQL.CpuMean:F2} ms/request ({statementsPerRequest:0.#} SQL statements per request{(writes > 0 ? $", of which {writes} write{(writes == 1 ? "" : "s")}" : "")})");
            Console.WriteLine($"- hand-written SQL:  median {result.Sql.Median:F2} ms, p90 {result.Sql.P90:F2} ms, CPU {result.Sql.CpuMean:F2} ms/run ({handSql.Count} statement{(handSql.Count == 1 ? "" : "s")})");
            Console.WriteLine($"- memory: {allocatedPerRequest / 1024:N0} KiB allocated per request (whole process, client included); {gen0Per100:0.#} gen0 and {gen2Per100:0.#} gen2 collections per 100 requests");
            Console.WriteLine($"- ratio GraphQL/SQL (medians): {result.Ratio:F2}× {(result.Ratio <= Target ? "— within target" : "— ABOVE the 1.5× target")}");
            Console.WriteLine($"- breakdown: EF's statements replayed by hand {result.EfSql.Median:F2} ms (p90 {result.EfSql.P90:F2}); " +
                              $"time inside EF statements during a request {result.InStatements:F2} ms; the rest (HTTP, GraphQL, EF query pipeline, JSON) ≈ {Math.Max(0, result.GraphQL.Median - result.InStatements):F2} ms; " +
                              $"EF query compilations (cache misses) per warm request: {result.Compilations:0.#}");
            foreach (var (k, (sqlText, ms)) in perStatement.OrderBy(e => e.Key))
                Console.WriteLine($"  - EF statement {k + 1}: median {Stats.MedianOf(ms):F2} ms — {Abbreviate(sqlText)}");
            Console.WriteLine();
        }

        // ---- summary ----------------------------------------------------------------------------------------------------
        Console.WriteLine("## Summary");
        Console.WriteLine();
        Console.WriteLine($"Target: within {Target}× of hand-written SQL (ratio of median latencies, GraphQL over HTTP / hand SQL on the same file).");
        Console.WriteLine();
        Console.WriteLine("| Scenario | GraphQL median | GraphQL p90 | Hand SQL median | Hand SQL p90 | Ratio | Target | Result |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|:---:|:---:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Key} — {r.Title} | {r.GraphQL.Median:F2} ms | {r.GraphQL.P90:F2} ms | {r.Sql.Median:F2} ms | {r.Sql.P90:F2} ms | {r.Ratio:F2}× | {(r.Ratio <= Target ? "✅" : "❌")} | {r.Verdict} |");
        Console.WriteLine();
        Console.WriteLine($"Fixed cost of any request (`{{ __typename }}`, no SQL): median {baseline.Median:F2} ms, p90 {baseline.P90:F2} ms.");
        Console.WriteLine();
        Console.WriteLine("Where the time goes (medians):");
        Console.WriteLine();
        Console.WriteLine("| Scenario | EF statements / request | EF's SQL replayed by hand | EF SQL / hand SQL | Inside EF statements | Rest (HTTP, GraphQL, EF, JSON) | CPU per op, GraphQL / hand SQL |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Key} | {r.Statements:0.#} (hand: {r.HandStatements}) | {r.EfSql.Median:F2} ms | {r.EfSql.Median / r.Sql.Median:F2}× | {r.InStatements:F2} ms | " +
                              $"{Math.Max(0, r.GraphQL.Median - r.InStatements):F2} ms | {r.GraphQL.CpuMean:F2} / {r.Sql.CpuMean:F2} ms |");
        }

        Console.WriteLine();
        Console.WriteLine($"Load average at the end (1/5/15 min): {MachineInfo.LoadAverage() ?? "n/a"}.");
        Console.WriteLine();
        var failed = results.Where(r => r.Verdict != "OK").ToList();
        var over = results.Where(r => r.Ratio > Target).ToList();
        Console.WriteLine(failed.Count > 0 ? $"MISMATCH in {string.Join(", ", failed.Select(r => r.Key))}: the comparison is not of equal work."
            : $"All results equal the hand-written SQL. {(over.Count == 0 ? "All scenarios within the target." : $"Above the target: {string.Join(", ", over.Select(r => $"{r.Key} ({r.Ratio:F2}×)"))}.")}");
        return failed.Count > 0 ? 1 : 0;

    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /// <summary>At least <c>--warmup</c> runs and <c>--warmup-seconds</c> of them: .NET compiles hot methods again, optimised,
    /// only after they have run a while, so a short warm-up measures half-compiled code.</summary>
    private static async Task WarmUpAsync<T>(Options options, Func<Task<T>> operation)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < options.Warmup || clock.Elapsed.TotalSeconds < options.WarmupSeconds; i++) await operation();
    }

    private static object? Scalar(System.Data.Common.DbConnection db, string sql) => BenchDatabase.Scalar(db, sql);

    private static string Compare(List<string> actual, List<string> expected)
    {
        if (actual.SequenceEqual(expected)) return "OK";
        var i = 0;
        while (i < actual.Count && i < expected.Count && actual[i] == expected[i]) i++;
        Console.WriteLine($"  MISMATCH at row {i}: GraphQL {(i < actual.Count ? $"'{actual[i]}'" : "(none)")} vs SQL {(i < expected.Count ? $"'{expected[i]}'" : "(none)")} " +
                          $"({actual.Count} vs {expected.Count} rows)");
        return "MISMATCH";
    }

    /// <summary>The statement on one line: its first 110 characters, whitespace collapsed.</summary>
    private static string Abbreviate(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 110 ? oneLine : oneLine[..110] + "…";
    }

    private static bool IsRead(string sql)
    {
        var text = sql.TrimStart();
        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
    }

    private static string Describe(object? value) => value switch
    {
        null => "NULL",
        string s => $"'{s}'",
        byte[] b => $"blob[{b.Length}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

}

internal sealed record Result(string Key, string Title, Stats GraphQL, Stats Sql, Stats EfSql, double InStatements,
    double Statements, int HandStatements, int Rows, int ResponseBytes, string Verdict, double Compilations)
{
    public double Ratio => GraphQL.Median / Sql.Median;
}

/// <summary>Latency percentiles, and the process CPU time per operation (mean; all threads, so GC and thread-pool work count).</summary>
internal sealed record Stats(double Median, double P90, double Min, double CpuMean)
{
    public static readonly Stats None = new(double.NaN, double.NaN, double.NaN, double.NaN);

    public static double MedianOf(IReadOnlyList<double> samples) => Percentile(samples, 0.5);

    /// <summary>Linear interpolation between closest ranks.</summary>
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}

/// <summary>Wall-clock and process CPU time of each timed operation.</summary>
internal sealed class Samples
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var t = Stopwatch.GetTimestamp();
        var result = await operation();
        _wall.Add(Timing.Ms(t));
        _cpu.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
        return result;
    }

    public void Time<T>(Func<T> operation)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var t = Stopwatch.GetTimestamp();
        operation();
        _wall.Add(Timing.Ms(t));
        _cpu.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
    }

    public Stats Stats => _wall.Count == 0 ? Stats.None
        : new(Stats.MedianOf(_wall), Stats.Percentile(_wall, 0.9), _wall.Min(), _cpu.Average());
}

internal sealed record Options(string? Db, string? Postgres, int Runs, int Warmup, double WarmupSeconds, HashSet<string>? Scenarios, bool ShowSql, bool GraphQLOnly,
    IReadOnlyDictionary<string, string?> Settings, bool Hostile = false, int HostileSamples = 200, int ThroughputSeconds = 20,
    IReadOnlyList<string>? Compare = null, int Rounds = 3, bool Scale = false, int ScaleRuns = 40, int ScaleWarmup = 5, bool Downloads = false)
{
    public static Options? Parse(string[] args)
    {
        string? db = null, postgres = null;
        int runs = 200, warmup = 200;
        double warmupSeconds = 3;
        HashSet<string>? scenarios = null;
        var showSql = false;
        var graphqlOnly = false;
        var hostile = false;
        var downloads = false;
        int hostileSamples = 200, throughputSeconds = 20;
        var scale = false;
        int scaleRuns = 40, scaleWarmup = 5;
        var settings = new Dictionary<string, string?>();
        List<string>? compare = null;
        var rounds = 3;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--db": db = Next(); break;
                case "--postgres": postgres = Next(); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup-seconds": warmupSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scenario": scenarios = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).ToHashSet(); break;
                case "--show-sql": showSql = true; break;
                case "--graphql-only": graphqlOnly = true; break;
                case "--compare": compare = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--hostile": hostile = true; break;
                case "--downloads": downloads = true; break;
                case "--hostile-samples": hostileSamples = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--throughput-seconds": throughputSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scale": scale = true; break;
                case "--scale-runs": scaleRuns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scale-warmup": scaleWarmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--set":
                    var pair = Next().Split('=', 2);
                    if (pair.Length != 2) throw new ArgumentException("--set takes key=value");
                    settings[pair[0]] = pair[1];
                    break;
                case "-h" or "--help":
                    Console.WriteLine("usage: dotnet run -c Release --project tests/PovertyGraph.Benchmarks -- [--db PATH | --postgres CONNSTR] [--runs N] [--warmup N] [--warmup-seconds S] [--scenario A,B,C,D] [--show-sql] [--graphql-only] [--set key=value]\n" +
                                      "       or: ... -- --hostile [--hostile-samples N] [--throughput-seconds S]   (the hostile-load scenario; see docs/PERFORMANCE.md)\n" +
                                      "       or: ... -- --postgres CONNSTR --scale [--scale-runs N] [--scale-warmup N]   (national-sample figures; see docs/SCALING.md)");
                    Console.WriteLine("       or: ... -- --compare OPTIMISATION[,…] [--rounds N]   A/B in one process, with and without: " + string.Join(", ", AbRun.Variants.Keys));
                    return null;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]} (try --help)");
                    return null;
            }
        }
        if (runs < 1 || warmup < 0) { Console.Error.WriteLine("--runs must be at least 1 and --warmup at least 0"); return null; }
        if (db != null && postgres != null) { Console.Error.WriteLine("--db and --postgres exclude each other"); return null; }
        if (scale)
        {
            settings.TryAdd("RateLimiting:Enabled", "false"); // every timed request comes from one address
            settings.TryAdd("Database:Profile", "national-sample"); // what an empty database is built as
        }
        return new Options(db, postgres, runs, warmup, warmupSeconds, scenarios, showSql, graphqlOnly, settings, hostile, hostileSamples, throughputSeconds,
            compare, rounds, scale, scaleRuns, scaleWarmup, downloads);
    }

    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PovertyGraph.sln"))) return dir.FullName;
        }

        return null;
    }
}

internal static class MachineInfo
{
    public static void Print(Options options)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        Console.WriteLine($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {Git("rev-parse --short HEAD") ?? "?"}{(string.IsNullOrEmpty(Git("--no-optional-locks status --porcelain --untracked-files=no")) ? "" : " (with uncommitted changes)")}");
        Console.WriteLine($"- Machine: {Environment.ProcessorCount} logical cores{(cpu != null ? $" ({cpu})" : "")}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
        Console.WriteLine($"- Load average at start (1/5/15 min): {LoadAverage() ?? "n/a"} — the numbers below are only as quiet as the machine was");
        Console.WriteLine($"- Runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, " +
                          $"{(Debugger.IsAttached ? "DEBUGGER ATTACHED, " : "")}{(IsOptimized() ? "Release" : "DEBUG build (numbers not representative)")}");
    }

    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    private static bool IsOptimized() =>
        typeof(PovertyGraph.GraphQL.Execution.QueryRuntime).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().All(a => !a.IsJITOptimizerDisabled);

    private static string? Git(string arguments)
    {
        try
        {
            var root = Options.RepositoryRoot();
            using var p = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root ?? "." });
            var output = p!.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? output : null;
        }
        catch (Exception) { return null; }
    }
}
