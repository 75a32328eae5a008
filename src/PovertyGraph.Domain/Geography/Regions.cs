
namespace PovertyGraph.Domain;

public class Province : SourcedEntity
{
    public string Name { get; set; } = "";
    /// <summary>Hanyu Pinyin of <see cref="Name"/> (seed-data/README.md, "Romanised names"): ours, never the documents'.</summary>
    public string NamePinyin { get; set; } = "";
    /// <summary>GB/T 2260 code.</summary>
    public string? Code { get; set; }
    public List<Prefecture> Prefectures { get; set; } = [];
}

/// <summary>市/州.</summary>
public class Prefecture : SourcedEntity
{
    public string Name { get; set; } = "";
    /// <summary>Hanyu Pinyin of <see cref="Name"/> (seed-data/README.md, "Romanised names"): ours, never the documents'.</summary>
    public string NamePinyin { get; set; } = "";
    public string? Code { get; set; }
    public int ProvinceId { get; set; }
    public Province? Province { get; set; }
    public List<County> Counties { get; set; } = [];
}

/// <summary>县/县级市/区.</summary>
public class County : SourcedEntity
{
    public string Name { get; set; } = "";
    /// <summary>Hanyu Pinyin of <see cref="Name"/> (seed-data/README.md, "Romanised names"): ours, never the documents'.</summary>
    public string NamePinyin { get; set; } = "";
    public string? Code { get; set; }
    public CountyKind Kind { get; set; }
    public ContiguousArea? ContiguousArea { get; set; }
    /// <summary>National contiguous destitute area (e.g. 大兴安岭南麓), or null.</summary>
    public string? NationalContiguousArea { get; set; }
    /// <summary>
    /// Named by 000 as a national key county for poverty work (国家扶贫开发工作重点县): true, or null where no
    /// document says. 000's list ends in 等 ("and others"), so null never means "not a key county".
    /// </summary>
    public bool? NationalKeyCounty { get; set; }
    public int PrefectureId { get; set; }
    public Prefecture? Prefecture { get; set; }
    public int ProvinceId { get; set; }
    public Province? Province { get; set; }
    public List<Township> Townships { get; set; } = [];
    public List<Village> Villages { get; set; } = [];
}

/// <summary>乡/镇/街道.</summary>
public class Township : SourcedEntity
{
    public string Name { get; set; } = "";
    /// <summary>Hanyu Pinyin of <see cref="Name"/> (seed-data/README.md, "Romanised names"): ours, never the documents'.</summary>
    public string NamePinyin { get; set; } = "";
    public string? Code { get; set; }
    public TownshipKind Kind { get; set; }
    public int CountyId { get; set; }
    public County? County { get; set; }
    public int PrefectureId { get; set; }
    public Prefecture? Prefecture { get; set; }
    public int ProvinceId { get; set; }
    public Province? Province { get; set; }
    public List<Village> Villages { get; set; } = [];
}

/// <summary>
/// 行政村. Geography above the township is denormalised onto the row so filters and groupings by
/// county, prefecture or province are one indexed column, not a chain of joins.
/// </summary>
public class Village : SourcedEntity
{
    public string Name { get; set; } = "";
    /// <summary>Hanyu Pinyin of <see cref="Name"/> (seed-data/README.md, "Romanised names"): ours, never the documents'.</summary>
    public string NamePinyin { get; set; } = "";
    public int TownshipId { get; set; }
    public Township? Township { get; set; }
    public int CountyId { get; set; }
    public County? County { get; set; }
    public int PrefectureId { get; set; }
    public Prefecture? Prefecture { get; set; }
    public int ProvinceId { get; set; }
    public Province? Province { get; set; }
    /// <summary>建档立卡贫困村 at the end of 2015: true, false, or null where no document says.</summary>
    public bool? Registered { get; set; }
    /// <summary>省级贫困村.</summary>
    public bool ProvincialLevel { get; set; }
    public int? PlannedExitYear { get; set; }
    /// <summary>Comma-separated <see cref="VillageDesignation"/> names.</summary>
    public string Designations { get; set; } = "";
    public List<Household> Households { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
}

/// <summary>Programmes a village is named in.</summary>
public enum VillageDesignation
{
    /// <summary>整村推进 started in 2013 (002, Annex 3).</summary>
    WholeVillageAdvancement2013 = 1,
    /// <summary>Provincial-level poor village (001, Table 1-2).</summary>
    ProvincialPoorVillage = 2,
    /// <summary>Registered poor village (建档立卡贫困村, 000).</summary>
    RegisteredPoorVillage = 3,
}
