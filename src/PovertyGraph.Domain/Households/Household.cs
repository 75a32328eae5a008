namespace PovertyGraph.Domain;

/// <summary>
/// A registered poor household (建档立卡贫困户). Always synthetic: real household data is never published.
/// Geography is denormalised from the village for indexed grouping.
/// </summary>
public class Household : SourcedEntity
{
    public int VillageId { get; set; }
    public Village? Village { get; set; }
    public int TownshipId { get; set; }
    public Township? Township { get; set; }
    public int CountyId { get; set; }
    public County? County { get; set; }
    public int PrefectureId { get; set; }
    public Prefecture? Prefecture { get; set; }
    public int ProvinceId { get; set; }
    public Province? Province { get; set; }
    public int MemberCount { get; set; }
    public HouseholdType Type { get; set; }
    public PovertyCause PrimaryCause { get; set; }
    /// <summary>Null where the source table assigns no measure (see seed-data/README.md).</summary>
    public AssistanceMeasure? PrimaryMeasure { get; set; }
    public bool HasLaborCapacity { get; set; }
    /// <summary>In the relocation (易地扶贫搬迁) programme.</summary>
    public bool Relocated { get; set; }
    public int RegisteredYear { get; set; }
    public int PlannedExitYear { get; set; }
    /// <summary>Yuan per person per year.</summary>
    public long AnnualIncomePerCapita { get; set; }
    public string HeadName { get; set; } = "";
    public string HeadIdNumber { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>Fixed random record key for the cell-key perturbation of published statistics.</summary>
    public int CellKey { get; set; }
    public List<Person> Members { get; set; } = [];
}

/// <summary>A member of a registered poor household. Always synthetic.</summary>
public class Person : SourcedEntity
{
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    public string Name { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public Relationship Relationship { get; set; }
}
