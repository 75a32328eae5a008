using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class PlanTargetModel
{
    public static void Declare(EntityModel model) => model.Entity<PlanTarget>("PlanTarget",
            "One cell of an indicator table of the documents: a region's value of an indicator in a year.", "planTargets")
        .Key(x => x.Id)
        .Field("regionLevel", x => x.RegionLevel, "Level of the region.")
        .Field("region", x => x.Region, "Region as the document names it: 中国, 吉林省, 蛟河市, 漂河镇 ….")
        .Field("indicator", x => x.Indicator, "Indicator as printed.")
        .Field("unit", x => x.Unit, "Unit as printed: 万人, 个, %, 元 ….")
        .Field("year", x => x.Year, "Year of the value (2015 for base-year columns). Where the document prints no year for the value, the year is inferred and provenance.syntheticFields lists `year`.", aggregate: true).In(Unit.Year)
        .Field("valueText", x => x.ValueText, "The value as printed (keeps ≥, ranges and words).")
        .Field("attribute", x => x.Attribute, "Binding (约束性) or expected (预期性), where the table says.")
        .Field("agency", x => x.Agency, "Reporting agency (数据来源).")
        .GroupByField("REGION_LEVEL", "regionLevel", "By region level.")
        .GroupByField("YEAR", "year", "By year.")
        .GroupByField("ATTRIBUTE", "attribute", "By attribute.")
        .WithProvenance();
}
