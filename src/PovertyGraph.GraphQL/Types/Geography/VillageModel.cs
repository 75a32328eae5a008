using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class VillageModel
{
    public static void Declare(EntityModel model) => model.Entity<Village>("Village",
            "An administrative village (行政村). `registered: true` marks the 1,489 registered poor villages (建档立卡贫困村) of 2015; placeholder villages are flagged synthetic.",
            "villages")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Name as printed, e.g. 青背村; generated for placeholder villages.")
        .Field("namePinyin", x => x.NamePinyin, "Hanyu Pinyin of the name, e.g. Qingbei Cun (not printed in the documents: romanised by the rule in seed-data/README.md; generated with the name for placeholder villages).")
        .Field("registered", x => x.Registered, "A registered poor village (建档立卡贫困村) at the end of 2015; null where no document says (the 2013 whole-village list).")
        .Field("provincialLevel", x => x.ProvincialLevel, "A provincial-level poor village (省级贫困村).")
        .Field("plannedExitYear", x => x.PlannedExitYear, "Year the village is planned to exit poverty (贫困村退出), per the province's 2017 plan.", aggregate: true).In(Unit.Year)
        .Field("designations", x => x.Designations, "Programme lists naming the village, comma-separated: WHOLE_VILLAGE_ADVANCEMENT_2013, PROVINCIAL_POOR_VILLAGE, REGISTERED_POOR_VILLAGE.")
        .HasMany("households", x => x.Households, c => c.VillageId, "Registered poor households living in the village (all synthetic).")
        .HasMany("projects", x => x.Projects, c => c.VillageId!.Value, "Projects located in the village.")
        .GroupByField("PLANNED_EXIT_YEAR", "plannedExitYear", "By planned exit year.")
        .GroupByField("REGISTERED", "registered", "By registered-poor-village status.")
        .GroupByField("PROVINCIAL_LEVEL", "provincialLevel", "By provincial-level status.")
        .GroupByValue("CONTIGUOUS_AREA", "contiguousArea", x => x.County!.ContiguousArea, "By the county's provincial contiguous poverty area.")
        .WithGeography()
        .WithProvenance();
}
