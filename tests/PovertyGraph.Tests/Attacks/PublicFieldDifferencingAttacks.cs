using System.Text.Json.Nodes;
using static PovertyGraph.Tests.Attacks.AttackSupport;
using Household = PovertyGraph.Tests.Attacks.HouseholdRegistry.Household;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// Differencing through public fields (issue 18): a village grouped by PRIMARY_CAUSE, with and without one household that
/// the caller removes without naming its row ID, through the fields it may filter on: an <c>or</c> of <c>neq</c> over
/// the household's public values, or one <c>neq</c> on a value only that household has in the village. If exactly the
/// household's cause cell changes, the caller has learnt its hidden primary cause. Tried without a token and as a partner
/// NGO outside its villages; the households and their causes are read from the database.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PublicFieldDifferencingAttacks(PovertyGraphFactory factory)
{
    private const int HouseholdsTried = 8;

    public static TheoryData<string> Callers => new() { "PUBLIC", "NGO" };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Removing_a_household_through_public_fields_does_not_reveal_its_primary_cause(string caller)
    {
        var token = caller == "NGO" ? Tokens.Ngo() : null;
        var registry = HouseholdRegistry.Load(factory);
        // The largest village outside the NGO's partner villages: its cause cells are large enough to be published.
        var village = registry.Villages.Where(v => !registry.JiaohePartnerVillages.Contains(v.Key))
            .OrderByDescending(v => registry.In(v).Count()).ThenBy(v => v.Key).First();
        var households = registry.In(village).ToList();
        var alone = households.Where(h => households.Count(o => Signature(o) == Signature(h)) == 1).Take(HouseholdsTried).ToList();
        Assert.True(alone.Count == HouseholdsTried, $"village {village.Name} has only {alone.Count} households its public fields single out");

        var inVillage = new { village = new { id = new { eq = village.Id } } };
        var with = await CellsAsync(inVillage, token);
        Assert.True(with != null && with.Count >= 2, $"the village's own cells were not published to {caller}");
        var revealed = new List<string>();
        var refused = 0;
        foreach (var h in alone)
        {
            foreach (var (how, without) in Removals(h, households, village.Id))
            {
                var cells = await CellsAsync(without, token);
                if (cells == null) { refused++; continue; }
                var changed = with!.Keys.Union(cells.Keys).Where(k => !with.TryGetValue(k, out var a) || !cells.TryGetValue(k, out var b) || a != b).ToList();
                if (changed.Count == 1 && changed[0] == h.PrimaryCause)
                    revealed.Add($"{h.Id} ({how}): only the {h.PrimaryCause} cell changed");
            }
        }

        Assert.True(revealed.Count == 0,
            $"LEAK: {caller} learns the hidden primaryCause of {revealed.Count} households of village {village.Name} by removing them through public fields " +
            $"({refused} requests refused):\n" + string.Join("\n", revealed));
    }

    /// <summary>The household's public values: what a caller can filter on to single it out.</summary>
    private static string Signature(Household h) =>
        $"{h.MemberCount}|{h.Type}|{h.PrimaryMeasure}|{h.HasLaborCapacity}|{h.Relocated}|{h.RegisteredYear}|{h.PlannedExitYear}";

    /// <summary>The village without the household: an or of neq over its public values, and a single neq where one of them is its alone.</summary>
    private static IEnumerable<(string How, object Where)> Removals(Household h, IReadOnlyList<Household> village, string villageId)
    {
        var inVillage = new { id = new { eq = villageId } };
        yield return ("or of neq on public fields", new
        {
            village = inVillage,
            or = new object[]
            {
                new { memberCount = new { neq = h.MemberCount } }, new { type = new { neq = h.Type } },
                new { primaryMeasure = new { neq = h.PrimaryMeasure } }, new { hasLaborCapacity = new { neq = h.HasLaborCapacity } },
                new { relocated = new { neq = h.Relocated } }, new { registeredYear = new { neq = h.RegisteredYear } },
                new { plannedExitYear = new { neq = h.PlannedExitYear } },
            },
        });
        if (village.Count(o => o.MemberCount == h.MemberCount) == 1)
            yield return ("neq on its member count", new { village = inVillage, memberCount = new { neq = h.MemberCount } });
        if (village.Count(o => o.PlannedExitYear == h.PlannedExitYear) == 1)
            yield return ("neq on its planned exit year", new { village = inVillage, plannedExitYear = new { neq = h.PlannedExitYear } });
    }

    /// <summary>The published cells by cause (whole group as text); null when the request is refused, as it must be then.</summary>
    private async Task<Dictionary<string, string>?> CellsAsync(object where, string? token)
    {
        var (status, body) = await factory.PostAsync("""
            query($w: HouseholdFilterInput) { households(where: $w) { groupedAggregates(groupBy: [PRIMARY_CAUSE]) { keys { primaryCause } count suppressed sum { memberCount } } } }
            """, new { w = where }, token);
        if (body["errors"] != null)
        {
            AssertRefused(status, body, $"differencing through public fields: {Text(JsonNodeOf(where))}");
            Assert.Equal("PROTECTED_STATISTICS", body["errors"]![0]!["extensions"]?["code"]?.ToString());
            return null;
        }
        Assert.Equal(200, status);
        return body["data"]!["households"]!["groupedAggregates"]!.AsArray()
            .Where(g => g!["keys"]!["primaryCause"] != null)
            .ToDictionary(g => g!["keys"]!["primaryCause"]!.ToString(), g => Text(g));
    }

    private static JsonNode? JsonNodeOf(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value);
}
