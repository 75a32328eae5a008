using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static PovertyGraph.Tests.Attacks.AttackSupport;
using Place = PovertyGraph.Tests.Attacks.HouseholdRegistry.Place;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// The averaging attack (issue 17): for several small villages, every way the API offers to form two sets of households
/// that differ by exactly that village is tried many times over, without a token, and the differences of the two
/// published figures are averaged. The protection holds when that average recovers a village's exact household count,
/// or its number of households poor through illness (a hidden attribute), no more often than the village's own published
/// cell does. Ground truth from the database.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AveragingAttacks(PovertyGraphFactory factory, ITestOutputHelper output)
{
    private const int Rounds = 30;          // pairs per way and village, each drawn afresh as an attacker would
    private const int VillagesTried = 8;
    private const int PairsPerRequest = 5;  // aliases per request stay under the expensive-operation threshold

    /// <summary>Two sets of villages (as a filter and as the villages it matches) that should differ by the target village.</summary>
    private sealed record Pair(string Way, object With, Func<Place, bool> InWith, object? Without, Func<Place, bool> InWithout);

    /// <summary>What one set's figures say: its published count and ILLNESS count (null when that cell is suppressed).</summary>
    private sealed record Figures(int Count, int? Illness);

    [Fact]
    public async Task Averaging_sets_that_differ_by_one_village_recovers_no_more_than_the_villages_own_cell()
    {
        var registry = HouseholdRegistry.Load(factory);
        var random = new Random(17);
        var report = new StringBuilder();
        int recoveredCounts = 0, recoveredIllness = 0, ownCounts = 0, ownIllness = 0;
        var villages = SmallVillages(registry).ToList();
        Assert.Equal(VillagesTried, villages.Count);
        foreach (var village in villages)
        {
            var households = registry.In(village).ToList();
            var (exactCount, exactIllness) = (households.Count, households.Count(h => h.PrimaryCause == "ILLNESS"));
            var own = (await FiguresAsync([ByVillage(village)]))?[0] ?? throw new Xunit.Sdk.XunitException($"the cell of village {village.Name} was refused");

            var counts = new List<int>();
            var illness = new List<int>();
            var answered = new Dictionary<string, int>();
            var refused = new Dictionary<string, int>();
            foreach (var way in Ways(registry, village, random).Where(p => Differs(registry, village, p)).GroupBy(p => p.Way))
            {
                foreach (var chunk in way.Chunk(PairsPerRequest))
                {
                    var figures = await FiguresAsync(chunk.SelectMany(p => new[] { p.With, p.Without }).ToList());
                    var tally = figures == null ? refused : answered;
                    tally[way.Key] = tally.GetValueOrDefault(way.Key) + chunk.Length;
                    if (figures == null) continue;
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        var (with, without) = (figures[2 * i]!, figures[2 * i + 1] ?? new Figures(0, 0));
                        counts.Add(with.Count - without.Count);
                        if (with.Illness is { } a && without.Illness is { } b) illness.Add(a - b);
                    }
                }
            }

            Assert.NotEmpty(counts); // the village's own cell is always one of the ways

            var countGuess = (int)Math.Round(counts.Average());
            int? illnessGuess = illness.Count > 0 ? (int)Math.Round(illness.Average()) : null;
            recoveredCounts += countGuess == exactCount ? 1 : 0;
            recoveredIllness += illnessGuess == exactIllness ? 1 : 0;
            ownCounts += own.Count == exactCount ? 1 : 0;
            ownIllness += own.Illness == exactIllness ? 1 : 0;
            report.AppendLine($"  {village.Name} ({village.Id}): {exactCount} households, {exactIllness} ILLNESS; own cell {own.Count}, {own.Illness?.ToString() ?? "suppressed"}; " +
                $"mean of {counts.Count} differences {counts.Average():0.00} → {countGuess}, of {illness.Count} ILLNESS differences " +
                $"{(illness.Count > 0 ? illness.Average().ToString("0.00") : "-")} → {illnessGuess?.ToString() ?? "-"}; answered {Tally(answered)}; refused {Tally(refused)}");
        }
        var summary = $"averaging recovers the exact household count of {recoveredCounts} and the exact ILLNESS count of {recoveredIllness} of " +
            $"{villages.Count} villages; their own published cells give {ownCounts} and {ownIllness}:\n{report}";
        output.WriteLine(summary);
        Assert.True(recoveredCounts <= ownCounts && recoveredIllness <= ownIllness, "LEAK: " + summary);
    }

    /// <summary>Villages of 10–14 households with at least 5 poor through illness, in townships of at least 6 such villages.</summary>
    private static IEnumerable<Place> SmallVillages(HouseholdRegistry registry)
    {
        var sizes = registry.Households.GroupBy(h => h.VillageKey).ToDictionary(g => g.Key, g => (All: g.Count(), Illness: g.Count(h => h.PrimaryCause == "ILLNESS")));
        var townships = registry.Villages.GroupBy(v => v.TownshipKey).ToDictionary(g => g.Key, g => g.Count());
        return registry.Villages.Where(v => sizes[v.Key].All is >= 10 and <= 14 && sizes[v.Key].Illness >= 5 && townships[v.TownshipKey] >= 6)
            .OrderBy(v => sizes[v.Key].All).ThenBy(v => v.Key).Take(VillagesTried);
    }

    /// <summary>
    /// Every way to form two sets that differ by the village: random sets of its township's other villages with and without
    /// it, named by lists, unions and exclusions (the attack the cell rule refuses); and every pair of cells — a place by
    /// ID or name, alone or within another — whose villages differ by exactly this one, the village's own cell among them.
    /// </summary>
    private static IEnumerable<Pair> Ways(HouseholdRegistry registry, Place village, Random random)
    {
        var others = registry.Villages.Where(v => v.TownshipKey == village.TownshipKey && v.Key != village.Key).ToList();
        var township = new { id = new { eq = village.TownshipId } };
        for (var round = 0; round < Rounds; round++)
        {
            var some = others.Where(_ => random.Next(2) == 0).DefaultIfEmpty(others[0]).ToList();
            var names = some.Select(v => v.Name).Where(n => n != village.Name).Distinct().ToList();
            yield return new("village names in a list",
                new { township, village = new { name = new { @in = names.Append(village.Name) } } }, v => v.TownshipKey == village.TownshipKey && (names.Contains(v.Name) || v.Name == village.Name),
                new { township, village = new { name = new { @in = names } } }, v => v.TownshipKey == village.TownshipKey && names.Contains(v.Name));
            var ids = some.Select(v => v.Id).ToList();
            yield return new("village IDs in a list",
                new { village = new { id = new { @in = ids.Append(village.Id) } } }, v => ids.Contains(v.Id) || v.Key == village.Key,
                new { village = new { id = new { @in = ids } } }, v => ids.Contains(v.Id));
            yield return new("or of villages",
                new { or = ids.Append(village.Id).Select(id => new { village = new { id = new { eq = id } } }) }, v => ids.Contains(v.Id) || v.Key == village.Key,
                new { or = ids.Select(id => new { village = new { id = new { eq = id } } }) }, v => ids.Contains(v.Id));
            yield return new("the township without a list (nin)",
                new { township, village = new { id = new { nin = ids } } }, v => v.TownshipKey == village.TownshipKey && !ids.Contains(v.Id),
                new { township, village = new { id = new { nin = ids.Append(village.Id) } } }, v => v.TownshipKey == village.TownshipKey && !ids.Contains(v.Id) && v.Key != village.Key);
            yield return new("the township without named villages (neq)",
                new { township, and = names.Select(n => new { village = new { name = new { neq = n } } }) }, v => v.TownshipKey == village.TownshipKey && !names.Contains(v.Name),
                new { township, and = names.Append(village.Name).Select(n => new { village = new { name = new { neq = n } } }) },
                v => v.TownshipKey == village.TownshipKey && !names.Contains(v.Name) && v.Name != village.Name);
        }

        // Cells: the places a condition may name, and the empty set (no query: nothing).
        var cells = new List<(object? Where, Func<Place, bool> In)>
        {
            (null, _ => false),
            (ByVillage(village), v => v.Key == village.Key),
            (new { village = new { name = new { eq = village.Name } } }, v => v.Name == village.Name),
            (new { township, village = new { name = new { eq = village.Name } } }, v => v.Name == village.Name && v.TownshipKey == village.TownshipKey),
            (new { county = new { id = new { eq = village.CountyId } }, village = new { name = new { eq = village.Name } } }, v => v.Name == village.Name && v.CountyKey == village.CountyKey),
            (new { township }, v => v.TownshipKey == village.TownshipKey),
            (new { township = new { name = new { eq = village.TownshipName } } }, v => v.TownshipName == village.TownshipName),
        };
        foreach (var other in others.Concat(registry.Villages.Where(v => v.Name == village.Name && v.Key != village.Key)).Distinct())
        {
            cells.Add((ByVillage(other), v => v.Key == other.Key));
            cells.Add((new { village = new { name = new { eq = other.Name } } }, v => v.Name == other.Name));
        }
        foreach (var with in cells.Where(c => c.Where != null))
        {
            foreach (var without in cells.Where(c => c.Where != with.Where))
            {
                for (var round = 0; round < Rounds; round++)
                    yield return new("cells", with.Where!, with.In, without.Where, without.In);
            }
        }
    }

    /// <summary>Whether the pair's sets of villages differ by exactly the village (the second inside the first).</summary>
    private static bool Differs(HouseholdRegistry registry, Place village, Pair pair) =>
        registry.Villages.All(v => pair.InWithout(v) ? pair.InWith(v) : pair.InWith(v) == (v.Key == village.Key)) && pair.InWith(village) && !pair.InWithout(village);

    private static object ByVillage(Place village) => new { village = new { id = new { eq = village.Id } } };

    /// <summary>The published figures of each filter (null filter: the empty set, not asked), or null when the request is refused.</summary>
    private async Task<List<Figures?>?> FiguresAsync(IReadOnlyList<object?> wheres)
    {
        var asked = wheres.Select((w, i) => (w, i)).Where(p => p.w != null).ToList();
        var query = new StringBuilder("query(");
        query.AppendJoin(", ", asked.Select(p => $"$w{p.i}: HouseholdFilterInput")).Append(") {");
        foreach (var (_, i) in asked)
            query.Append($" a{i}: households(where: $w{i}) {{ aggregates {{ count }} groupedAggregates(groupBy: [PRIMARY_CAUSE]) {{ keys {{ primaryCause }} count suppressed }} }}");
        query.Append(" }");
        var (status, body) = await factory.PostAsync(query.ToString(), asked.ToDictionary(p => $"w{p.i}", p => p.w));
        if (body["errors"] != null)
        {
            AssertRefused(status, body, $"averaging attack {Shorten(query.ToString())}");
            return null;
        }
        return wheres.Select((w, i) => w == null ? null : Parse(body["data"]![$"a{i}"]!)).ToList();
    }

    private static Figures Parse(JsonNode connection)
    {
        var groups = connection["groupedAggregates"]!.AsArray().Select(g => g!).ToList();
        var illness = groups.FirstOrDefault(g => g["keys"]!["primaryCause"]?.ToString() == "ILLNESS");
        // An empty cell stays empty: with no ILLNESS group and no suppressed group, the count is 0.
        int? illnessCount = illness != null ? (int?)illness["count"] : groups.Any(g => (bool)g["suppressed"]!) ? null : 0;
        return new Figures((int)connection["aggregates"]!["count"]!, illnessCount);
    }

    private static string Tally(Dictionary<string, int> tally) =>
        tally.Count == 0 ? "none" : string.Join(", ", tally.Select(t => $"{t.Key} ×{t.Value}"));
}
