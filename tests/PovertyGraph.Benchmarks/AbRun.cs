using Microsoft.Extensions.DependencyInjection;

namespace PovertyGraph.Benchmarks;

/// <summary>
/// A/B in one process: the same scenario against two in-process servers on the same database, one of them without an
/// optimisation, requests alternating between them, so both sides see the same machine at the same moments. Prints
/// the medians and the ratio (without / with) per round, and the spread over rounds.
/// </summary>
internal static class AbRun
{
    /// <summary>The optimisations that can be turned off: a setting, or a service replaced.</summary>
    public static readonly IReadOnlyDictionary<string, (string Description, Dictionary<string, string?> Settings, Action<IServiceCollection>? Services)> Variants =
        new Dictionary<string, (string, Dictionary<string, string?>, Action<IServiceCollection>?)>
        {
            ["compiled-plans"] = ("plans run as EF-compiled queries, by shape", new() { ["Paging:CompiledPlans"] = "0" }, null),
            ["inline-pages"] = ("nested pages of root rows in the root's statement (JSON)", new() { ["Paging:InlineNestedPages"] = "false" }, null),
            ["plan-cache"] = ("plans and cost of an operation kept by document, kind of caller and variables (PlannedOperations)", new() { ["Paging:PlannedOperations"] = "0" }, null),
            // Pieces of the request pipeline, each removed in the variant, to see what each costs (scenario B).
            ["receipts"] = ("extensions.receipt on every answer (Receipts)", new() { ["GraphQL:Receipts"] = "false" }, null),
            ["operation-metrics"] = ("operation metrics (OperationMetrics)", new(), Without(typeof(PovertyGraph.Server.Telemetry.OperationMetrics))),
            ["time-limit"] = ("time limits and the expensive queue's lease (ExecutionTimeLimit)", new(), Without(typeof(PovertyGraph.GraphQL.Limits.ExecutionTimeLimit))),
            ["oversized-gate"] = ("oversized documents refused before validation (OversizedDocumentGate)", new(), Without(typeof(PovertyGraph.GraphQL.Cost.OversizedDocumentGate))),
            ["http-caching"] = ("HTTP caching: ETag, data version (GraphQLResponseCaching)", new() { ["HttpCaching:Enabled"] = "false" }, null),
        };

    /// <summary>Removes a service, or an implementation registered under an interface (a piece of the pipeline).</summary>
    private static Action<IServiceCollection> Without(Type type) => services =>
    {
        foreach (var d in services.Where(d => d.ServiceType == type || d.ImplementationType == type).ToList()) services.Remove(d);
    };

    public static async Task<int> RunAsync(string root, BenchDatabase database, Options options, IReadOnlyList<Scenario> scenarios)
    {
        foreach (var name in options.Compare!)
        {
            if (!Variants.TryGetValue(name, out var variant))
            {
                Console.Error.WriteLine($"unknown optimisation {name}; one of {string.Join(", ", Variants.Keys)}");
                return 2;
            }
            Console.WriteLine($"## A/B: {name} — {variant.Description}");
            Console.WriteLine();
            using var with = new BenchFactory(root, database, options.Settings);
            using var without = new BenchFactory(root, database, options.Settings.Concat(variant.Settings).ToDictionary(p => p.Key, p => p.Value), variant.Services);
            var a = new GraphQLClient(with.CreateClient(), GraphQLClient.OfficialToken(with.Services));
            var b = new GraphQLClient(without.CreateClient(), GraphQLClient.OfficialToken(without.Services));
            Console.WriteLine("| scenario | round | with: median | without: median | without / with |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var scenario in scenarios)
            {
                using (var db = database.Open())
                {
                    scenario.Provider = database.Provider;
                    await scenario.SetupAsync(a, db);
                }
                var body = GraphQLClient.Body(scenario.Query, scenario.Variables);
                // Both sides must answer, not fail fast: a variant that breaks the request would look cheap.
                foreach (var side in new[] { a, b })
                {
                    var (status, text) = await side.SendAsync(body);
                    GraphQLClient.Data(status, text);
                }
                var ratios = new List<double>();
                for (var round = 1; round <= options.Rounds; round++)
                {
                    // Warm both up until the JIT has tiered up, alternating.
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    for (var i = 0; i < options.Warmup || clock.Elapsed.TotalSeconds < options.WarmupSeconds; i++)
                    {
                        await a.SendAsync(body);
                        await b.SendAsync(body);
                    }
                    var sa = new Samples();
                    var sb = new Samples();
                    for (var i = 0; i < options.Runs; i++)
                    {
                        // Alternate which goes first, so neither always follows the other.
                        if (i % 2 == 0) { await sa.TimeAsync(() => a.SendAsync(body)); await sb.TimeAsync(() => b.SendAsync(body)); }
                        else { await sb.TimeAsync(() => b.SendAsync(body)); await sa.TimeAsync(() => a.SendAsync(body)); }
                    }
                    var ratio = sb.Stats.Median / sa.Stats.Median;
                    ratios.Add(ratio);
                    Console.WriteLine($"| {scenario.Key} | {round} | {sa.Stats.Median:F2} ms | {sb.Stats.Median:F2} ms | {ratio:F3} |");
                }
                ratios.Sort();
                Console.WriteLine($"| {scenario.Key} | all | | | median {Stats.MedianOf(ratios):F3} (min {ratios[0]:F3}, max {ratios[^1]:F3}) |");
            }
            Console.WriteLine();
        }
        return 0;
    }
}
