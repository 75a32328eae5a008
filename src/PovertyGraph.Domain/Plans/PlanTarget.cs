namespace PovertyGraph.Domain;

/// <summary>约束性 (binding) or 预期性 (expected) indicator.</summary>
public enum TargetAttribute { Binding = 1, Expected = 2 }

/// <summary>One cell of an indicator table: a region's value of an indicator in a year.</summary>
public class PlanTarget : SourcedEntity
{
    public RegionLevel RegionLevel { get; set; }
    /// <summary>Region name as the document gives it (中国, 吉林省, 蛟河市, …).</summary>
    public string Region { get; set; } = "";
    public int? ProvinceId { get; set; }
    public int? CountyId { get; set; }
    public string Indicator { get; set; } = "";
    public string Unit { get; set; } = "";
    public int Year { get; set; }
    /// <summary>Numeric value in <see cref="Unit"/>; null where the document gives text only.</summary>
    public decimal? Value { get; set; }
    /// <summary>The value as printed (keeps ≥, ranges and text).</summary>
    public string ValueText { get; set; } = "";
    public TargetAttribute? Attribute { get; set; }
    /// <summary>Reporting agency (数据来源).</summary>
    public string? Agency { get; set; }
}
