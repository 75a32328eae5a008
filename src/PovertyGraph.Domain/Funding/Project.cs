namespace PovertyGraph.Domain;

/// <summary>A funded poverty-alleviation project or programme. Money is whole yuan.</summary>
public class Project : SourcedEntity
{
    public string Name { get; set; } = "";
    public ProjectCategory Category { get; set; }
    public ProjectKind Kind { get; set; }
    public ProjectStatus Status { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    /// <summary>Planned investment, yuan.</summary>
    public long Budget { get; set; }
    public int? VillageId { get; set; }
    public Village? Village { get; set; }
    public int? CountyId { get; set; }
    public County? County { get; set; }
    public int? PrefectureId { get; set; }
    public Prefecture? Prefecture { get; set; }
    public int ProvinceId { get; set; }
    public Province? Province { get; set; }
    public List<FundingAllocation> Allocations { get; set; } = [];
}

/// <summary>Where money comes from: a fiscal level, a bank, enterprises, society.</summary>
public class FundingSource : SourcedEntity
{
    public string Name { get; set; } = "";
    public FundingLevel Level { get; set; }
    public FundingKind Kind { get; set; }
    public List<FundingAllocation> Allocations { get; set; } = [];
}

/// <summary>Money from one source to one project in one year, yuan.</summary>
public class FundingAllocation : SourcedEntity
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int SourceId { get; set; }
    public FundingSource? Source { get; set; }
    public int Year { get; set; }
    public long Amount { get; set; }
}
