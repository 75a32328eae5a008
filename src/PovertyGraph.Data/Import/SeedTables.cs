using PovertyGraph.Domain;

namespace PovertyGraph.Data.Import;

/// <summary>A CSV file of the seed-data format: the entity it fills and the keys it references.</summary>
public sealed record SeedTable(string File, Type Entity, IReadOnlyList<ForeignKey> ForeignKeys, bool HasProvenance = true)
{
    /// <summary>Column names whose value is a list separated by ';' in the CSV and by ',' in the database.</summary>
    public static readonly string[] ListColumns = ["designations", "syntheticFields"];
}

/// <summary><paramref name="Column"/> holds the id of a row of <paramref name="Target"/>.</summary>
public sealed record ForeignKey(string Column, string Target, bool Optional = false);

public static class SeedTables
{
    /// <summary>In dependency order: a file only references files before it.</summary>
    public static readonly IReadOnlyList<SeedTable> All =
    [
        new("source_documents.csv", typeof(SourceDocument), [], HasProvenance: false),
        new("provinces.csv", typeof(Province), []),
        new("prefectures.csv", typeof(Prefecture), [new("provinceId", "provinces.csv")]),
        new("counties.csv", typeof(County), [new("prefectureId", "prefectures.csv")]),
        new("townships.csv", typeof(Township), [new("countyId", "counties.csv")]),
        new("villages.csv", typeof(Village), [new("townshipId", "townships.csv")]),
        new("funding_sources.csv", typeof(FundingSource), []),
        new("projects.csv", typeof(Project),
        [
            new("villageId", "villages.csv", true), new("countyId", "counties.csv", true),
            new("prefectureId", "prefectures.csv", true), new("provinceId", "provinces.csv"),
        ]),
        new("funding_allocations.csv", typeof(FundingAllocation), [new("projectId", "projects.csv"), new("sourceId", "funding_sources.csv")]),
        new("plan_targets.csv", typeof(PlanTarget), [new("provinceId", "provinces.csv", true), new("countyId", "counties.csv", true)]),
        new("organizations.csv", typeof(Organization), []),
        new("organization_villages.csv", typeof(OrganizationVillage),
            [new("organizationId", "organizations.csv"), new("villageId", "villages.csv")], HasProvenance: false),
    ];
}
