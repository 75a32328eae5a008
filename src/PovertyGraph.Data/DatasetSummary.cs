using Microsoft.EntityFrameworkCore;
using PovertyGraph.Domain;

namespace PovertyGraph.Data;

/// <summary>What the `dataset` field reports: build info, row counts and the synthetic share per table.</summary>
public sealed record DatasetSummary(DatasetInfo Info, IReadOnlyList<TableSummary> Tables)
{
    public static async Task<DatasetSummary> LoadAsync(PovertyGraphDbContext db, CancellationToken ct = default)
    {
        var info = await db.DatasetInfo.SingleAsync(ct);
        var tables = new List<TableSummary>
        {
            await Table(db.Provinces, "provinces", ct), await Table(db.Prefectures, "prefectures", ct),
            await Table(db.Counties, "counties", ct), await Table(db.Townships, "townships", ct),
            await Table(db.Villages, "villages", ct), await Table(db.Households, "households", ct),
            await Table(db.Persons, "persons", ct), await Table(db.Projects, "projects", ct),
            await Table(db.FundingSources, "fundingSources", ct), await Table(db.FundingAllocations, "fundingAllocations", ct),
            await Table(db.PlanTargets, "planTargets", ct), await Table(db.Organizations, "organizations", ct),
            new("sourceDocuments", await db.SourceDocuments.CountAsync(ct), 0),
        };
        return new DatasetSummary(info, tables);
    }

    private static async Task<TableSummary> Table<T>(IQueryable<T> rows, string name, CancellationToken ct) where T : SourcedEntity =>
        new(name, await rows.CountAsync(ct), await rows.CountAsync(r => r.Synthetic, ct));
}

public sealed record TableSummary(string Name, int Rows, int SyntheticRows);
