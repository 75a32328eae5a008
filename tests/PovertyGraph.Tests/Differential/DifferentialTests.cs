using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using PovertyGraph.GraphQL.Execution;
using Xunit.Abstractions;

namespace PovertyGraph.Tests.Differential;

/// <summary>
/// Randomized differential test: a few hundred generated queries (filters with every operator, and/or,
/// to-one and to-many relations; multi-key sorts through relations and over nullable keys; forward and
/// backward cursor paging; aggregates and grouped aggregates; nested connections with their own filter, order,
/// page size and after/before cursors, fetched in the parent's statement or batched per level) are answered by the
/// server and, independently, by LINQ to objects over rows read straight from the database (SQLite or PostgreSQL). Every answer
/// must agree exactly: row ids in order, page info, counts and sums; averages within 1e-4.
/// The seed is fixed; set POVERTYGRAPH_DIFF_SEED (and POVERTYGRAPH_DIFF_SCALE, a multiplier of the number of
/// cases) to explore others. A fixed list of edge cases goes through the same evaluation.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DifferentialTests(PovertyGraphFactory factory, ITestOutputHelper output)
{
    private const int DefaultSeed = 20151129; // the day the central decision on winning the fight against poverty was issued
    private const int MaxGroups = 5000;       // Paging:MaxGroups default

    /// <summary>Root cases per type; the weights favour the types with the richest filters.</summary>
    private static readonly (string Type, int Cases)[] RootCases =
    [
        ("Village", 60), ("Project", 45), ("FundingAllocation", 40), ("Household", 40),
        ("County", 15), ("Township", 15), ("FundingSource", 8), ("PlanTarget", 20), ("Prefecture", 4),
    ];

    private const int NestedCases = 45;

    private static readonly Lazy<string> OfficialToken = new(() => Tokens.Official);

    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _counts = [];
    private int _requests;
    private TimeSpan _serverTime;
    private readonly Dictionary<string, double> _byLabel = [];
    private readonly List<(double Ms, string Query)> _slowest = [];

    [Fact]
    public async Task Random_queries_agree_with_an_independent_evaluation()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("POVERTYGRAPH_DIFF_SEED"), out var s) ? s : DefaultSeed;
        var scale = double.TryParse(Environment.GetEnvironmentVariable("POVERTYGRAPH_DIFF_SCALE"), CultureInfo.InvariantCulture, out var f) ? f : 1.0;
        var clock = Stopwatch.StartNew();

        await factory.QueryAsync("{ villages(first: 1) { totalCount } }"); // builds the database
        var catalog = CachedCatalog ??= Catalog.Load(factory.Database);
        var semantics = new Semantics(catalog);
        var random = new Random(seed);
        // Household fields primaryCause and annualIncomePerCapita, and exact household and person aggregates,
        // are for roles that see them in full: those cases run as OFFICIAL. Everything else runs as PUBLIC.
        var publicGenerator = new DiffGenerator(catalog, random, allowProtected: false);
        var officialGenerator = new DiffGenerator(catalog, random, allowProtected: true);

        using var events = EngineEventLog.Start();
        var plan = RootCases.SelectMany(c => Enumerable.Repeat(c.Type, (int)Math.Ceiling(c.Cases * scale)))
            .Concat(Enumerable.Repeat("nested", (int)Math.Ceiling(NestedCases * scale)))
            .OrderBy(_ => random.Next()).ToList();
        for (var i = 0; i < plan.Count; i++)
        {
            semantics.Reset();
            if (plan[i] == "nested")
            {
                await NestedCase(i, catalog, semantics, random, publicGenerator, officialGenerator);
            }
            else
            {
                var type = catalog[plan[i]];
                var official = type.ProtectedAggregates;
                await RootCase(i, type, semantics, official ? officialGenerator : publicGenerator, official ? OfficialToken.Value : null);
            }
        }

        var summary = $"seed {seed}: {plan.Count} cases ({string.Join(", ", _counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}), " +
                      $"{_requests} requests, {clock.Elapsed.TotalSeconds:F1} s, {_failures.Count} disagreements";
        var compiledRuns = events.Count(EngineEvents.CompiledPlanRun);
        output.WriteLine(summary + $"; {compiledRuns} root pages ran compiled, {events.Count(EngineEvents.PlanCompiled)} shapes compiled");
        Assert.True(compiledRuns > plan.Count, "the root pages ran as compiled plans");
        output.WriteLine($"server time {_serverTime.TotalSeconds:F1} s; " + string.Join(", ", _byLabel.OrderByDescending(x => x.Value).Select(x => $"{x.Key} {x.Value / 1000:F1}")));
        foreach (var (ms, q) in _slowest.OrderByDescending(x => x.Ms).Take(3)) output.WriteLine($"slowest: {ms:F0} ms: {q}");
        foreach (var failure in _failures) output.WriteLine(failure + "\n");
        if (_failures.Count > 0)
            Assert.Fail($"{summary}. The first of them:\n\n" + string.Join("\n\n", _failures.Take(6)));
    }

    // ------------------------------------------------------------------ root connections

    /// <summary>One root-connection query: its arguments and selections, and the expected rows in order.</summary>
    private sealed record RootSpec(TypeSpec Type, FilterObj? Filter, List<Row> Matched, List<SortKeySpec> Sort, List<Row> Sorted,
        AggregateSelection? Aggregates, List<GroupRequest> Groups, bool EmptyOrder, string? Token)
    {
        public string Query(string paging, bool extras)
        {
            var args = new List<string>();
            if (Filter != null) args.Add($"where: {Filter.Gql(Type)}");
            if (Sort.Count > 0 || EmptyOrder) args.Add($"order: [{string.Join(", ", Sort.Select(k => k.Gql()))}]");
            args.Add(paging);
            var selection = "totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";
            if (extras && Aggregates != null) selection += $" aggregates {{ count {Aggregates.Gql()} suppressed }}";
            if (extras) selection += " " + string.Join(" ", Groups.Select(g => g.Gql()));
            return $"{{ c: {Type.Root}({string.Join(", ", args)}) {{ {selection} }} }}";
        }

        public JsonObject Expect(Catalog catalog, int start, int end, bool hasNext, bool hasPrevious, bool extras)
        {
            var page = PageJson(Type, Sorted, start, end, hasNext, hasPrevious);
            if (extras && Aggregates != null)
            {
                var agg = Expected.Aggregates(Matched, Aggregates);
                agg["suppressed"] = false;
                page["aggregates"] = agg;
            }
            if (extras)
                foreach (var g in Groups) page[g.Alias] = Expected.Groups(catalog, Type, Matched, g, MaxGroups);
            return new JsonObject { ["c"] = page };
        }
    }

    private async Task RootCase(int index, TypeSpec type, Semantics semantics, DiffGenerator gen, string? token)
    {
        var random = gen.Random;
        var (filter, matched) = PickFilter(type, semantics, gen);
        var sort = gen.Sort(type);
        var withAggregates = !type.ProtectedAggregates || token != null;
        var aggregates = withAggregates && random.NextDouble() < 0.65 ? gen.Values(type) : null;
        var groups = withAggregates ? gen.Groups(type) : [];
        var spec = new RootSpec(type, filter, matched, sort, semantics.Sorted(type, matched, sort), aggregates, groups,
            sort.Count == 0 && random.NextDouble() < 0.1, token);
        var n = matched.Count;
        var size = random.Next(1, Math.Max(2, Math.Min(60, n / 2 + 2)));
        var mode = random.NextDouble();
        if (mode < 0.55)
        {
            Count(type.Name + " forward");
            await Forward(index, type.Name, semantics.Catalog, spec, size, random.Next(2, 4));
        }
        else if (mode < 0.8)
        {
            Count(type.Name + " backward");
            // From the end (last: k), or back from the last row of a forward page (last: k, before: its endCursor).
            int? firstPage = random.NextDouble() < 0.5 || n < 2 ? null : random.Next(2, Math.Min(n, 80) + 1);
            await Backward(index, type.Name, semantics.Catalog, spec, size, firstPage, 2);
        }
        else
        {
            Count(type.Name + " single page");
            await Forward(index, type.Name, semantics.Catalog, spec, Math.Clamp(n + random.Next(0, 3), 1, 500), 1);
        }
    }

    /// <summary>first/after: page by page, each compared (and so their concatenation), following endCursor.</summary>
    private async Task Forward(int index, string label, Catalog catalog, RootSpec spec, int size, int pages)
    {
        var n = spec.Sorted.Count;
        string? cursor = null;
        for (int p = 0, start = 0; p < pages; p++, start += size)
        {
            var end = Math.Min(n, start + size);
            var paging = $"first: {size}" + (cursor == null ? "" : $", after: {Literal.String(cursor)}");
            var data = await Check(index, label, spec.Query(paging, p == 0), spec.Expect(catalog, start, end, end < n, start > 0, p == 0), spec.Token);
            if (data == null || end >= n) return;
            cursor = data["c"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }

    /// <summary>last/before: from the end, or from the last row of a first page of <paramref name="firstPage"/> rows; following startCursor.</summary>
    private async Task Backward(int index, string label, Catalog catalog, RootSpec spec, int size, int? firstPage, int pages)
    {
        var n = spec.Sorted.Count;
        var before = n;
        string? cursor = null;
        if (firstPage is { } first)
        {
            var data = await Check(index, label, spec.Query($"first: {first}", true), spec.Expect(catalog, 0, Math.Min(n, first), first < n, false, true), spec.Token);
            if (data == null || n == 0) return;
            cursor = data["c"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
            before = Math.Min(n, first) - 1;
        }
        for (var p = 0; p < pages; p++)
        {
            var start = Math.Max(0, before - size);
            var paging = $"last: {size}" + (cursor == null ? "" : $", before: {Literal.String(cursor)}");
            var extras = p == 0 && firstPage == null;
            var data = await Check(index, label, spec.Query(paging, extras), spec.Expect(catalog, start, before, cursor != null, start > 0, extras), spec.Token);
            if (data == null || start == 0) return;
            cursor = data["c"]!["pageInfo"]!["startCursor"]!.GetValue<string>();
            before = start;
        }
    }

    // ------------------------------------------------------------------ fixed edge cases

    /// <summary>
    /// Corners the random cases reach only by luck, through the same independent evaluation: null semantics of
    /// every operator, sort keys through missing relations, LIKE metacharacters and case in string operators,
    /// empty and/or lists, all/any over empty lists, null group keys. (type, where, order, groupBy dimensions)
    /// </summary>
    public static TheoryData<string, string?, string?, string?> EdgeCases => new()
    {
        // Sort keys through an optional to-one relation (projects without a village or county): the key is null,
        // so those rows come last ascending and first descending, whatever the type of the field.
        { "Project", null, "[{village: {provincialLevel: DESC}}, {endYear: DESC}]", null },
        { "Project", null, "[{village: {provincialLevel: ASC}}]", null },
        { "Project", null, "[{village: {township: {kind: DESC}}}]", null },
        { "Project", null, "[{county: {kind: ASC}}, {name: ASC}]", null },
        { "Project", "{kind: {eq: PROGRAMME}}", "[{village: {township: {kind: ASC}}}]", null }, // programmes have no village: paging past null keys
        { "Project", null, "[{village: {plannedExitYear: ASC}}]", null },
        { "Project", null, "[{village: {name: DESC}}]", "VILLAGE,COUNTY" },
        // Null semantics of the operators on nullable columns.
        { "Village", "{registered: {eq: null}}", "[{name: DESC}]", "REGISTERED" },
        { "Village", "{registered: {neq: true}}", "[{registered: ASC}, {name: ASC}]", null },
        { "Village", "{registered: {neq: null}, provincialLevel: {neq: true}}", "[{registered: DESC}]", null },
        { "Village", "{plannedExitYear: {ngt: 2018}}", "[{plannedExitYear: DESC}]", "PLANNED_EXIT_YEAR" },
        { "Village", "{plannedExitYear: {nin: [2017, 2018]}}", "[{plannedExitYear: ASC}]", null },
        { "Village", "{plannedExitYear: {lt: 2019, nlte: 2017}}", null, null },
        { "Village", "{provincialLevel: {eq: null}}", null, null }, // a non-nullable column is never null
        { "County", "{code: {nin: [\"220281\"]}}", "[{code: DESC}]", null },
        { "County", "{code: {neq: \"220281\"}, contiguousArea: {neq: WEST_ARID_SALINE}}", "[{contiguousArea: ASC}, {code: ASC}]", "CONTIGUOUS_AREA,KIND" },
        { "County", "{nationalContiguousArea: {ncontains: \"大\"}}", null, null },
        { "County", "{nationalContiguousArea: {nstartsWith: \"x\"}}", "[{nationalContiguousArea: DESC}]", null },
        { "PlanTarget", "{agency: {nendsWith: \"局\"}}", "[{attribute: ASC}, {agency: DESC}]", "ATTRIBUTE,YEAR" },
        // String operators: ordinal (case-sensitive), LIKE metacharacters are plain characters, "" matches every non-null.
        { "Village", "{designations: {startsWith: \"registered\"}}", null, null },
        { "Village", "{designations: {contains: \"_POOR_\"}}", "[{designations: DESC}]", null },
        { "Village", "{designations: {startsWith: \"%\"}}", null, null },
        { "Village", "{designations: {nendsWith: \"_VILLAGE\"}, name: {contains: \"\"}}", null, null },
        { "Village", "{designations: {endsWith: \"Village\"}}", null, null },
        { "Village", "{designations: {contains: \"PROVINCIAL_POOR_VILLAGE,REG\"}}", null, null },
        // and/or lists, including empty ones.
        { "Village", "{or: []}", null, null },
        { "Village", "{and: []}", "[{county: {name: ASC}}]", "COUNTY" },
        { "Village", "{or: [{registered: {eq: false}}, {plannedExitYear: {eq: 2019}}], and: [{name: {startsWith: \"新\"}}]}", null, null },
        // To-many: all is true for an empty list; any; some/none.
        { "Village", "{projects: {all: {status: {eq: COMPLETED}}}}", "[{plannedExitYear: ASC}]", "REGISTERED" },
        { "Village", "{households: {any: false}, projects: {any: true}}", null, null },
        { "County", "{villages: {none: {registered: {eq: true}}}, townships: {some: {kind: {eq: TOWN}}}}", null, "PREFECTURE" },
        { "FundingSource", "{allocations: {all: {year: {gte: 2016}}}}", "[{level: DESC}]", "LEVEL,KIND" },
        // To-one: the related row must exist.
        { "Project", "{village: {name: {neq: \"x\"}}}", null, null },
        { "Project", "{county: {contiguousArea: {neq: WEST_ARID_SALINE}}}", "[{county: {contiguousArea: ASC}}]", "COUNTY,KIND" },
        // Grouping through relations, with null keys.
        { "FundingAllocation", null, "[{project: {village: {name: ASC}}}, {amount: DESC}]", "COUNTY,CATEGORY" },
        { "FundingAllocation", "{project: {county: {name: {eq: \"蛟河市\"}}}}", "[{source: {level: DESC}}, {year: ASC}]", "SOURCE,YEAR" },
        { "Village", null, "[{county: {contiguousArea: DESC}}]", "CONTIGUOUS_AREA,PROVINCIAL_LEVEL" },
        // Households (OFFICIAL: protected fields usable, exact aggregates).
        { "Household", "{primaryMeasure: {eq: null}}", null, "PRIMARY_MEASURE" },
        { "Household", "{primaryCause: {in: [ILLNESS, DISABILITY]}, annualIncomePerCapita: {gte: 3000}}", "[{primaryMeasure: DESC}, {annualIncomePerCapita: ASC}]", "PRIMARY_MEASURE,PRIMARY_CAUSE" },
        { "Household", "{primaryMeasure: {nin: [HEALTH]}, village: {projects: {any: true}}}", "[{village: {plannedExitYear: DESC}}, {memberCount: ASC}]", "VILLAGE,HAS_LABOR_CAPACITY" },
    };

    private static Catalog? CachedCatalog;

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public async Task Edge_cases_agree_with_an_independent_evaluation(string typeName, string? where, string? order, string? groupBy)
    {
        await factory.QueryAsync("{ villages(first: 1) { totalCount } }");
        var catalog = CachedCatalog ??= Catalog.Load(factory.Database);
        var semantics = new Semantics(catalog);
        var parse = new DiffParse(catalog);
        var type = catalog[typeName];
        var filter = where == null ? null : parse.Filter(type, where);
        var sort = order == null ? [] : parse.Sort(type, order);
        var matched = type.Rows.Where(r => filter == null || semantics.Matches(type, filter, r)).ToList();
        var values = new AggregateSelection(type.Numeric.SelectMany(f => new[] { "sum", "avg", "min", "max" }.Select(fn => (fn, f))).ToList());
        var dims = groupBy?.Split(',').Select(d => type.Dims.Single(x => x.Name == d)).ToList();
        var groups = dims == null ? [] : new List<GroupRequest>
        {
            new("g0", dims, null, null, values, type),
            new("g1", dims, null, true, values, type),
            new("g2", dims, 2, false, values, type),
        };
        var token = type.ProtectedAggregates ? OfficialToken.Value : null;
        var spec = new RootSpec(type, filter, matched, sort, semantics.Sorted(type, matched, sort), values, groups, false, token);
        var n = matched.Count;
        var label = $"{typeName} edge case";

        await Forward(0, label, catalog, spec, Math.Clamp(n, 1, 500), 1);                              // one page (everything, up to 500)
        await Forward(1, label, catalog, spec, Math.Clamp(n / 4 + 1, 23, 500), int.MaxValue);         // a walk over every row
        await Backward(2, label, catalog, spec, Math.Clamp(n / 8 + 1, 17, 500), null, 2);              // back from the end
        await Backward(3, label, catalog, spec, 5, Math.Min(Math.Max(n, 2), 40), 2);                   // back from inside

        foreach (var failure in _failures) output.WriteLine(failure + "\n");
        if (_failures.Count > 0)
            Assert.Fail($"{_failures.Count} disagreements ({matched.Count} rows match). The first of them:\n\n" + string.Join("\n\n", _failures.Take(3)));
    }

    private static (FilterObj? Filter, List<Row> Matched) PickFilter(TypeSpec type, Semantics semantics, DiffGenerator gen)
    {
        if (gen.Random.NextDouble() < 0.12) return (null, type.Rows);
        FilterObj filter = null!;
        List<Row> matched = [];
        // Prefer filters that match something (an empty answer says little), but keep some empty ones.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            filter = gen.Filter(type, 0, gen.Random.Next(1, 4));
            var f = filter;
            matched = type.Rows.Where(r => semantics.Matches(type, f, r)).ToList();
            if (matched.Count > 0 || gen.Random.NextDouble() < 0.1) break;
        }
        return (filter, matched);
    }

    private static JsonObject PageJson(TypeSpec type, List<Row> sorted, int start, int end, bool hasNext, bool hasPrevious) => new()
    {
        ["totalCount"] = sorted.Count,
        ["nodes"] = new JsonArray(sorted.Skip(start).Take(Math.Max(0, end - start))
            .Select(r => (JsonNode)new JsonObject { ["id"] = Literal.GlobalId(type.Name, r.Id) }).ToArray()),
        ["pageInfo"] = new JsonObject { ["hasNextPage"] = hasNext, ["hasPreviousPage"] = hasPrevious },
    };

    // ------------------------------------------------------------------ nested connections

    private sealed record Parent(string Type, string Root, string Args, Func<Catalog, List<Row>> Rows, string[] Relations);

    private static readonly Parent[] Parents =
    [
        new("County", "counties", "first: 100", c => c["County"].Rows.Take(100).ToList(), ["villages", "townships"]),
        new("Prefecture", "prefectures", "first: 100", c => c["Prefecture"].Rows.Take(100).ToList(), ["counties"]),
        new("Township", "townships", "first: 120", c => c["Township"].Rows.Take(120).ToList(), ["villages"]),
        new("Village", "villages", "where: {county: {name: {eq: \"蛟河市\"}}}, first: 80",
            c => c["Village"].Rows.Where(v => c["County"].ById[(int)v.Long("CountyId")!.Value].String("Name") == "蛟河市").Take(80).ToList(),
            ["projects", "households"]),
        new("Project", "projects", "first: 300", c => c["Project"].Rows.Take(300).ToList(), ["allocations"]),
        new("FundingSource", "fundingSources", "first: 100", c => c["FundingSource"].Rows.Take(100).ToList(), ["allocations"]),
        new("Household", "households", "first: 80", c => c["Household"].Rows.Take(80).ToList(), ["members"]),
    ];

    private async Task NestedCase(int index, Catalog catalog, Semantics semantics, Random random, DiffGenerator publicGen, DiffGenerator officialGen)
    {
        var parent = Parents[random.Next(Parents.Length)];
        var parentType = catalog[parent.Type];
        var relationName = parent.Relations[random.Next(parent.Relations.Length)];
        var relation = parentType.ToMany.Single(r => r.Name == relationName);
        var child = catalog[relation.Target];
        var official = child.ProtectedAggregates || parentType.ProtectedAggregates;
        var gen = official ? officialGen : publicGen;
        var token = official ? OfficialToken.Value : null;
        var label = $"{parent.Type}.{relation.Name} nested";

        FilterObj? filter = random.NextDouble() < 0.2 ? null : gen.Filter(child, 0, random.Next(1, 3));
        var sort = gen.Sort(child);
        var aggregates = random.NextDouble() < 0.5 ? gen.Values(child) : null;
        var groups = gen.Groups(child);
        var backward = random.NextDouble() < 0.3;
        var size = random.Next(1, 9);

        var args = new List<string>();
        if (filter != null) args.Add($"where: {filter.Gql(child)}");
        if (sort.Count > 0) args.Add($"order: [{string.Join(", ", sort.Select(k => k.Gql()))}]");
        // Sometimes from a cursor: a row of some parent's page, after (or before) which every parent's page starts.
        Row? cursorRow = null;
        if (random.NextDouble() < 0.6)
        {
            var probe = $"{{ p: {parent.Root}({parent.Args}) {{ nodes {{ c: {relation.Name}({string.Join(", ", args.Append("first: 20"))}) {{ edges {{ cursor node {{ id }} }} }} }} }} }}";
            var (_, probed) = await factory.PostAsync(probe, token: token);
            if (probed["errors"] != null) _failures.Add($"[case {index}, {label}] the cursor probe failed: {probed["errors"]!.ToJsonString()}\nquery: {probe}");
            var edges = probed["data"]?["p"]?["nodes"]?.AsArray().SelectMany(n => n!["c"]!["edges"]!.AsArray()).ToList() ?? [];
            if (edges.Count > 0)
            {
                var edge = edges[random.Next(edges.Count)]!;
                cursorRow = child.ById[Literal.DecodeId(edge["node"]!["id"]!.GetValue<string>()).Id];
                args.Add($"{(backward ? "before" : "after")}: {Literal.String(edge["cursor"]!.GetValue<string>())}");
                label += backward ? " before a cursor" : " after a cursor";
            }
        }
        args.Add(backward ? $"last: {size}" : $"first: {size}");
        var selection = "totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage }";
        if (aggregates != null) selection += $" aggregates {{ count {aggregates.Gql()} suppressed }}";
        selection += " " + string.Join(" ", groups.Select(g => g.Gql()));
        var query = $"{{ p: {parent.Root}({parent.Args}) {{ nodes {{ id c: {relation.Name}({string.Join(", ", args)}) {{ {selection} }} }} }} }}";

        var nodes = new JsonArray();
        foreach (var row in parent.Rows(catalog))
        {
            var matched = catalog.Children(parentType, relation, row).Where(r => filter == null || semantics.Matches(child, filter, r)).ToList();
            var all = semantics.Sorted(child, matched, sort);
            // The cursor narrows the page, not the total or the aggregates: they cover everything the filter matched.
            var sorted = cursorRow == null ? all
                : all.Where(r => Math.Sign(semantics.CompareRows(child, sort, r, cursorRow)) == (backward ? -1 : 1)).ToList();
            var n = sorted.Count;
            var page = backward
                ? PageJson(child, sorted, Math.Max(0, n - size), n, cursorRow != null, n > size)
                : PageJson(child, sorted, 0, Math.Min(n, size), n > size, cursorRow != null);
            page["totalCount"] = all.Count;
            if (aggregates != null)
            {
                var agg = Expected.Aggregates(matched, aggregates);
                agg["suppressed"] = false;
                page["aggregates"] = agg;
            }
            foreach (var g in groups) page[g.Alias] = Expected.Groups(catalog, child, matched, g, MaxGroups);
            nodes.Add(new JsonObject { ["id"] = Literal.GlobalId(parent.Type, row.Id), ["c"] = page });
        }
        Count(label);
        await Check(index, label, query, new JsonObject { ["p"] = new JsonObject { ["nodes"] = nodes } }, token);
    }

    // ------------------------------------------------------------------ plumbing

    private void Count(string label) => _counts[label] = _counts.GetValueOrDefault(label) + 1;

    /// <summary>Runs the query and compares its data with the expected JSON; returns the data, or null after recording a disagreement.</summary>
    private async Task<JsonNode?> Check(int index, string label, string query, JsonObject expected, string? token)
    {
        _requests++;
        var watch = Stopwatch.StartNew();
        var (status, body) = await factory.PostAsync(query, token: token);
        _serverTime += watch.Elapsed;
        _slowest.Add((watch.Elapsed.TotalMilliseconds, query));
        _byLabel[label] = _byLabel.GetValueOrDefault(label) + watch.Elapsed.TotalMilliseconds;
        var as_ = token == null ? "PUBLIC" : "OFFICIAL";
        if (status != 200 || body["errors"] != null || body["data"] == null)
        {
            _failures.Add($"[case {index}, {label}, as {as_}] the server failed ({status}): {Truncate(body["errors"]?.ToJsonString() ?? body.ToJsonString(), 600)}\nquery: {query}");
            return null;
        }
        var diffs = JsonDiff.Compare(expected, body["data"]);
        if (diffs.Count == 0 && index % 2 == 0)
        {
            // Asked again, a root page runs its plan's compiled query again: the same answer.
            var (againStatus, again) = await factory.PostAsync(query, token: token);
            diffs = againStatus == 200 && again["data"] != null ? JsonDiff.Compare(expected, again["data"]) : [$"the repeat failed ({againStatus}): {again.ToJsonString()}"];
            label += " (repeated)";
        }
        if (diffs.Count == 0) return body["data"];
        _failures.Add($"[case {index}, {label}, as {as_}]\nquery: {query}\ndiff:\n  " + string.Join("\n  ", diffs));
        return null;
    }

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length] + "…";
}
