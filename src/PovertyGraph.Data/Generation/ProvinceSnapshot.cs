using Microsoft.EntityFrameworkCore;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Generation;

/// <summary>
/// The built province as <see cref="ProvinceReplicas"/> copies it: its geography and households with their members,
/// in ID order, read once inside the build's transaction, and the largest ID of each table (the replicas' ID stride).
/// </summary>
internal sealed class ProvinceSnapshot
{
    public sealed record LargestIds(int Province, int Prefecture, int County, int Township, int Village, int Household, int Person);

    private ProvinceSnapshot(Province province, List<Prefecture> prefectures, List<County> counties, List<Township> townships,
        List<Village> villages, List<(Household, IReadOnlyList<Person>)> households, LargestIds maxId)
    {
        Province = province;
        Prefectures = prefectures;
        Counties = counties;
        Townships = townships;
        Villages = villages;
        Households = households;
        MaxId = maxId;
        CountyPosition = counties.Select((c, i) => (c.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
    }

    public Province Province { get; }
    public List<Prefecture> Prefectures { get; }
    public List<County> Counties { get; }
    public List<Township> Townships { get; }
    public List<Village> Villages { get; }
    public List<(Household Household, IReadOnlyList<Person> Members)> Households { get; }
    public LargestIds MaxId { get; }

    /// <summary>A county's position (1, 2, …) in ID order: the last three digits of its replicas' region codes.</summary>
    public IReadOnlyDictionary<int, int> CountyPosition { get; }

    public static ProvinceSnapshot Load(PovertyGraphDbContext db)
    {
        var provinces = db.Provinces.AsNoTracking().OrderBy(p => p.Id).ToList();
        if (provinces.Count != 1)
            throw new InvalidOperationException($"the national sample replicates one province; the database holds {provinces.Count}");
        var counties = db.Counties.AsNoTracking().OrderBy(c => c.Id).ToList();
        if (counties.Count > 999) throw new InvalidOperationException("more than 999 counties do not fit the replicas' region codes");
        var persons = db.Persons.AsNoTracking().OrderBy(p => p.HouseholdId).ThenBy(p => p.Id).ToList();
        var households = new List<(Household, IReadOnlyList<Person>)>();
        var next = 0;
        foreach (var h in db.Households.AsNoTracking().OrderBy(h => h.Id).ToList())
        {
            while (next < persons.Count && persons[next].HouseholdId < h.Id) next++;
            var start = next;
            while (next < persons.Count && persons[next].HouseholdId == h.Id) next++;
            households.Add((h, persons.GetRange(start, next - start)));
        }
        var prefectures = db.Prefectures.AsNoTracking().OrderBy(p => p.Id).ToList();
        var townships = db.Townships.AsNoTracking().OrderBy(t => t.Id).ToList();
        var villages = db.Villages.AsNoTracking().OrderBy(v => v.Id).ToList();
        var maxId = new LargestIds(provinces[^1].Id, Max(prefectures), Max(counties), Max(townships), Max(villages),
            households.Count == 0 ? 0 : households[^1].Item1.Id, persons.Count == 0 ? 0 : persons.Max(p => p.Id));
        return new ProvinceSnapshot(provinces[0], prefectures, counties, townships, villages, households, maxId);
    }

    private static int Max<T>(List<T> rows) where T : SourcedEntity => rows.Count == 0 ? 0 : rows.Max(r => r.Id);

    /// <summary>
    /// The counties a replica of <paramref name="fraction"/> (0 &lt; fraction ≤ 1) of the province repeats: all of them, or whole
    /// counties in ID order until they hold that fraction of the households (at least one county).
    /// </summary>
    public IReadOnlyList<County> CountiesFor(double fraction)
    {
        if (fraction >= 1) return Counties;
        var perCounty = Households.GroupBy(h => h.Household.CountyId).ToDictionary(g => g.Key, g => g.Count());
        var wanted = fraction * Households.Count;
        var chosen = new List<County>();
        var held = 0;
        foreach (var county in Counties)
        {
            if (chosen.Count > 0 && held >= wanted) break;
            chosen.Add(county);
            held += perCounty.GetValueOrDefault(county.Id);
        }
        return chosen;
    }
}
