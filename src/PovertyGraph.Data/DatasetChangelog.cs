using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PovertyGraph.Data;

/// <summary>
/// Keeps the changelog of data versions (<see cref="DatasetChange"/>): a build records every table's rows; an import,
/// in its own transaction, compares the rows per table and the published figures before and after it and records what
/// changed. The figures: per county its households, persons, villages, registered poor villages, projects and budget;
/// per funding source the money allocated; every plan target's value as printed.
/// </summary>
public static class DatasetChangelog
{
    public sealed record Snapshot(IReadOnlyDictionary<string, long> Tables, IReadOnlyDictionary<string, string> Figures);

    public static Snapshot Take(PovertyGraphDbContext db)
    {
        var tables = new Dictionary<string, long>
        {
            ["provinces"] = db.Provinces.LongCount(), ["prefectures"] = db.Prefectures.LongCount(), ["counties"] = db.Counties.LongCount(),
            ["townships"] = db.Townships.LongCount(), ["villages"] = db.Villages.LongCount(), ["households"] = db.Households.LongCount(),
            ["persons"] = db.Persons.LongCount(), ["projects"] = db.Projects.LongCount(), ["fundingSources"] = db.FundingSources.LongCount(),
            ["fundingAllocations"] = db.FundingAllocations.LongCount(), ["planTargets"] = db.PlanTargets.LongCount(),
            ["sourceDocuments"] = db.SourceDocuments.LongCount(), ["organizations"] = db.Organizations.LongCount(),
        };
        var counties = db.Counties.Select(c => new { c.Id, c.Name }).ToDictionary(c => c.Id, c => c.Name);
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        void Per(string what, IEnumerable<(int County, long Value)> values)
        {
            foreach (var (county, value) in values)
                figures[$"{what} in {counties.GetValueOrDefault(county, county.ToString(CultureInfo.InvariantCulture))}"] = value.ToString(CultureInfo.InvariantCulture);
        }
        Per("households", db.Households.GroupBy(h => h.CountyId).Select(g => new { g.Key, N = g.LongCount() }).AsEnumerable().Select(g => (g.Key, g.N)));
        Per("persons", db.Households.GroupBy(h => h.CountyId).Select(g => new { g.Key, N = g.Sum(h => (long)h.MemberCount) }).AsEnumerable().Select(g => (g.Key, g.N)));
        Per("villages", db.Villages.GroupBy(v => v.CountyId).Select(g => new { g.Key, N = g.LongCount() }).AsEnumerable().Select(g => (g.Key, g.N)));
        Per("registered poor villages", db.Villages.Where(v => v.Registered == true).GroupBy(v => v.CountyId).Select(g => new { g.Key, N = g.LongCount() })
            .AsEnumerable().Select(g => (g.Key, g.N)));
        Per("projects", db.Projects.Where(p => p.CountyId != null).GroupBy(p => p.CountyId!.Value).Select(g => new { g.Key, N = g.LongCount() })
            .AsEnumerable().Select(g => (g.Key, g.N)));
        Per("project budget (yuan)", db.Projects.Where(p => p.CountyId != null).GroupBy(p => p.CountyId!.Value).Select(g => new { g.Key, N = g.Sum(p => p.Budget) })
            .AsEnumerable().Select(g => (g.Key, g.N)));
        foreach (var source in db.FundingAllocations.GroupBy(a => a.Source!.Name).Select(g => new { g.Key, N = g.Sum(a => a.Amount) }).AsEnumerable())
            figures[$"allocated by {source.Key} (yuan)"] = source.N.ToString(CultureInfo.InvariantCulture);
        foreach (var target in db.PlanTargets.Select(t => new { t.Id, t.Region, t.Indicator, t.Year, t.ValueText }).AsEnumerable())
            figures[$"plan target {target.Id}: {target.Region} {target.Indicator} {target.Year}"] = target.ValueText;
        return new Snapshot(tables, figures);
    }

    /// <summary>Records the current version's entry: its tables and, when <paramref name="before"/> is known, the figures that changed.</summary>
    public static DatasetChange Record(PovertyGraphDbContext db, string kind, Snapshot? before)
    {
        var after = Take(db);
        var version = db.DatasetInfo.Current().Select(i => i.Version).FirstOrDefault() ?? DatasetInfoQueries.Unbuilt;
        var tables = after.Tables.Select(t => new { table = t.Key, before = before?.Tables.GetValueOrDefault(t.Key) ?? 0, after = t.Value });
        var figures = before == null ? [] : after.Figures.Keys.Union(before.Figures.Keys).Order(StringComparer.Ordinal)
            .Select(f => new { figure = f, before = before.Figures.GetValueOrDefault(f), after = after.Figures.GetValueOrDefault(f) })
            .Where(f => f.before != f.after).ToList();
        var change = new DatasetChange
        {
            Version = version, Kind = kind, At = DateTimeOffset.UtcNow,
            Tables = JsonSerializer.Serialize(tables), Figures = JsonSerializer.Serialize(figures),
        };
        db.DatasetChanges.Add(change);
        db.SaveChanges();
        return change;
    }
}
