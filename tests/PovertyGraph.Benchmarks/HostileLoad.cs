using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PovertyGraph.Server.Documents;

namespace PovertyGraph.Benchmarks;

/// <summary>
/// The hostile-load scenario (<c>--hostile</c>): one PUBLIC caller pages through the README's village page while eight
/// PUBLIC callers, each from its own address, send the most expensive requests the PUBLIC budget admits and the hostile
/// shapes of the public-facing issue. Prints the light caller's p50 and p95 idle and under the mix, what the mix got
/// (answered, refused, rate-limited, stopped, per kind), the server's memory, and the village page's throughput with
/// eight concurrent callers. Figures, not a pass/fail: the target (p95 under the mix within 3× of idle) is printed beside them.
/// </summary>
internal static class HostileLoad
{
    private const double Target = 3.0;
    private const int Attackers = 8;

    private sealed record Kind(string Name, byte[] Body);

    public static async Task<int> RunAsync(BenchFactory factory, string root, Options options)
    {
        var server = factory.Server;
        HttpClient Caller(Func<IPAddress> address) => new(server.CreateHandler(c => c.Connection.RemoteIpAddress = address())) { BaseAddress = new Uri("http://localhost") };

        var pageText = PersistedDocumentStore.Normalize(File.ReadAllText(Path.Combine(root, "documents", "village-page.graphql")));
        var page = Body(new { documentId = PersistedDocumentResolver.IdPrefix + PersistedDocumentStore.Hash(pageText) });
        using var light = Caller(() => IPAddress.Parse("198.51.100.1"));
        using var calibration = Caller(() => IPAddress.Parse("198.51.100.2"));

        var pageCost = await CostAsync(calibration, Body(new { query = pageText }));
        var budgetGroups = await CalibrateAsync(calibration, k => "{ " + string.Concat(Enumerable.Range(0, k).Select(i =>
            $"g{i}: households {{ groupedAggregates(groupBy: [COUNTY, PRIMARY_CAUSE]) {{ keys {{ county {{ name }} primaryCause }} count sum {{ memberCount }} }} }} ")) + "}");
        var budgetPages = await CalibrateAsync(calibration, n =>
            $"{{ villages(first: {n}) {{ nodes {{ name county {{ name }} households(first: 50) {{ nodes {{ memberCount members {{ nodes {{ gender }} }} }} }} }} }} }}");
        Kind[] kinds =
        [
            new($"admitted: {budgetGroups.Parameter} aliased province groupings ({budgetGroups.Cost:N0} points)", Body(new { query = budgetGroups.Query })),
            new($"admitted: {budgetPages.Parameter} villages with households and members ({budgetPages.Cost:N0} points)", Body(new { query = budgetPages.Query })),
            new("hostile: fragments doubling over 60 levels", Body(new { query = Doubling(60) })),
            new("hostile: 2,000 aliased aggregates over all households", Body(new { query = Aliased(2000, "households { aggregates { count sum { memberCount } } }") })),
            new("hostile: 10,000 aliased connections", Body(new { query = Aliased(10_000, "villages { totalCount }") })),
        ];

        Console.WriteLine("## Hostile load");
        Console.WriteLine();
        Console.WriteLine($"Light caller: the README's village page (`documents/village-page.graphql` by documentId, {pageCost:N0} points), PUBLIC, paced at 4 requests/s " +
                          "(under the default PUBLIC rate of 300/min). Attackers: 8 PUBLIC callers, each from its own address, each cycling through:");
        foreach (var kind in kinds) Console.WriteLine($"- {kind.Name} ({kind.Body.Length:N0} bytes)");
        Console.WriteLine();

        for (var i = 0; i < 50; i++) await SendAsync(light, page); // warm (the light caller's own burst absorbs it)
        await Task.Delay(TimeSpan.FromSeconds(25)); // let the light caller's bucket refill
        var idle = await LightAsync(light, page, options.HostileSamples);
        Console.WriteLine($"- idle: {Describe(idle)}");

        var outcomes = new ConcurrentDictionary<(string Kind, string Outcome), int>();
        using var stop = new CancellationTokenSource();
        var memory = new MemorySampler();
        var attackers = Enumerable.Range(0, Attackers).Select(a => Task.Run(async () =>
        {
            using var client = Caller(() => IPAddress.Parse($"203.0.113.{a + 1}"));
            for (var i = a; !stop.IsCancellationRequested; i++)
            {
                var kind = kinds[i % kinds.Length];
                var (status, code) = await SendAsync(client, kind.Body);
                outcomes.AddOrUpdate((kind.Name, Outcome(status, code)), 1, (_, n) => n + 1);
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the attack under way
        var loaded = await LightAsync(light, page, options.HostileSamples);
        stop.Cancel();
        await Task.WhenAll(attackers);
        memory.Stop();
        Console.WriteLine($"- under the mix: {Describe(loaded)}");
        Console.WriteLine($"- p95 under the mix / idle: **{loaded.P95 / idle.P95:F2}×** (target ≤ {Target}×); p50: {loaded.P50 / idle.P50:F2}×; " +
                          $"light requests refused: {loaded.Refused}");
        Console.WriteLine();
        Console.WriteLine("| attacker request | outcome | count |");
        Console.WriteLine("|---|---|---:|");
        foreach (var ((kind, outcome), count) in outcomes.OrderBy(o => Array.FindIndex(kinds, k => k.Name == o.Key.Kind)).ThenBy(o => o.Key.Outcome))
            Console.WriteLine($"| {kind} | {outcome} | {count:N0} |");
        Console.WriteLine();
        Console.WriteLine($"- server memory (in-process, client included): working set peak {memory.PeakWorkingSet / 1048576.0:N0} MiB, " +
                          $"managed heap peak {memory.PeakHeap / 1048576.0:N0} MiB; after the mix {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:N0} MiB");
        Console.WriteLine();

        var (perSecond, throughput) = await ThroughputAsync(Caller, page, options.ThroughputSeconds);
        Console.WriteLine($"## Village page, {Attackers} concurrent callers, {options.ThroughputSeconds} s");
        Console.WriteLine();
        Console.WriteLine($"- {perSecond:F0} requests/s answered; latency {Describe(throughput)} (each request from a new address, so the per-address rate limit does not cap the figure)");
        Console.WriteLine();
        Console.WriteLine($"Load average at the end (1/5/15 min): {MachineInfo.LoadAverage() ?? "n/a"}.");
        return 0;
    }

    private sealed record Latency(double P50, double P95, int Count, int Refused);

    private static string Describe(Latency l) => $"p50 {l.P50:F2} ms, p95 {l.P95:F2} ms ({l.Count} requests{(l.Refused > 0 ? $", {l.Refused} not answered 200" : "")})";

    /// <summary>The light caller: one request every 250 ms, timed.</summary>
    private static async Task<Latency> LightAsync(HttpClient client, byte[] body, int samples)
    {
        var times = new List<double>();
        var refused = 0;
        for (var i = 0; i < samples; i++)
        {
            var next = Task.Delay(250);
            var start = Stopwatch.GetTimestamp();
            var (status, _) = await SendAsync(client, body);
            times.Add(Timing.Ms(start));
            if (status != 200) refused++;
            await next;
        }
        return new(Stats.Percentile(times, 0.5), Stats.Percentile(times, 0.95), times.Count, refused);
    }

    private static async Task<(double PerSecond, Latency Latency)> ThroughputAsync(Func<Func<IPAddress>, HttpClient> caller, byte[] body, int seconds)
    {
        var times = new ConcurrentBag<double>();
        var refused = 0;
        var address = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, Attackers).Select(_ => Task.Run(async () =>
        {
            using var client = caller(() => new IPAddress(0x0A000000u + (uint)Interlocked.Increment(ref address)));
            while (clock.Elapsed < deadline)
            {
                var start = Stopwatch.GetTimestamp();
                var (status, _) = await SendAsync(client, body);
                if (status == 200) times.Add(Timing.Ms(start));
                else Interlocked.Increment(ref refused);
            }
        })));
        var list = times.ToList();
        return (list.Count / clock.Elapsed.TotalSeconds, new(Stats.Percentile(list, 0.5), Stats.Percentile(list, 0.95), list.Count, refused));
    }

    /// <summary>The largest value of the parameter (1–500) whose document the PUBLIC budget admits, asked with GraphQL-Cost: validate.</summary>
    private static async Task<(int Parameter, long Cost, string Query)> CalibrateAsync(HttpClient client, Func<int, string> document)
    {
        Task<long?> Admitted(int n) => CostAsync(client, Body(new { query = document(n) }));
        int low = 0, high = 500;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (await Admitted(mid) != null) low = mid; else high = mid - 1;
        }
        if (low == 0) throw new InvalidOperationException("not even one occurrence fits the PUBLIC budget: " + document(1));
        return (low, (await Admitted(low))!.Value, document(low));
    }

    /// <summary>The cost of a request, asked with GraphQL-Cost: validate; null when it is refused.</summary>
    private static async Task<long?> CostAsync(HttpClient client, byte[] body)
    {
        using var request = Request(body);
        request.Headers.Add("GraphQL-Cost", "validate");
        using var response = await client.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return response.IsSuccessStatusCode && answer["errors"] == null ? (long?)answer["extensions"]?["cost"]?["requested"] : null;
    }

    private static string Aliased(int count, string field) => "{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"a{i}: {field} ")) + "}";

    private static string Doubling(int levels)
    {
        var text = new StringBuilder("query Doubling { counties(first: 1) { nodes { ...L0 } } }\n");
        for (var k = 0; k < levels; k++)
            text.Append($"fragment L{k} on County {{ a: villages {{ nodes {{ county {{ ...L{k + 1} }} }} }} b: villages {{ nodes {{ county {{ ...L{k + 1} }} }} }} }}\n");
        return text.Append($"fragment L{levels} on County {{ name }}\n").ToString();
    }

    private static string Outcome(int status, string? code) => status switch
    {
        200 => "answered",
        429 => "rate-limited (429)",
        503 => $"stopped ({code})",
        _ => $"refused {status} ({code})",
    };

    private static byte[] Body(object payload) => JsonSerializer.SerializeToUtf8Bytes(payload);

    private static HttpRequestMessage Request(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return request;
    }

    private static async Task<(int Status, string? Code)> SendAsync(HttpClient client, byte[] body)
    {
        using var request = Request(body);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK) return (200, null);
        try
        {
            var codes = JsonNode.Parse(text)?["errors"]?.AsArray().Select(e => (string?)e?["extensions"]?["code"]).Distinct();
            return ((int)response.StatusCode, codes == null ? null : string.Join(", ", codes));
        }
        catch (JsonException) { return ((int)response.StatusCode, null); }
    }

    /// <summary>Samples the process's working set and managed heap twice a second.</summary>
    private sealed class MemorySampler
    {
        private readonly Timer _timer;
        public long PeakWorkingSet, PeakHeap;

        public MemorySampler() => _timer = new Timer(_ =>
        {
            using var process = Process.GetCurrentProcess();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(false));
        }, null, 0, 500);

        public void Stop() => _timer.Dispose();
    }
}
