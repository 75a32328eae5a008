using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class CountyModel
{
    public static void Declare(EntityModel model) => model.Entity<County>("County", "A county-level division (县, 县级市 or 市辖区).", "counties")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Name as the documents print it, e.g. 蛟河市, 通榆县.")
        .Field("namePinyin", x => x.NamePinyin, "Hanyu Pinyin of the name, e.g. Jiaohe Shi, Da'an Shi (generated and checked by hand: seed-data/README.md gives the rule; not printed in the documents).")
        .Field("code", x => x.Code, "GB/T 2260 administrative division code (from general knowledge; see provenance.syntheticFields).")
        .Field("kind", x => x.Kind, "County (县), county-level city (县级市) or district (区).")
        .Field("contiguousArea", x => x.ContiguousArea, "Provincial contiguous poverty area (片区) the county belongs to, or null (003).")
        .Field("nationalContiguousArea", x => x.NationalContiguousArea, "National contiguous destitute area, e.g. 大兴安岭南麓, or null.")
        .Field("nationalKeyCounty", x => x.NationalKeyCounty,
            "true for the six counties 000 names as national key counties for poverty work (国家扶贫开发工作重点县): 靖宇, 大安, 和龙, 通榆, 汪清, 镇赉 等. The list ends in 等 (\"and others\") and is not exhaustive: null means not known, never \"not a key county\".")
        .HasMany("townships", x => x.Townships, c => c.CountyId, "Township-level divisions (乡/镇/街道).")
        .HasMany("villages", x => x.Villages, c => c.CountyId, "Administrative villages (行政村).")
        .GroupByField("KIND", "kind", "By kind of division.")
        .GroupByField("CONTIGUOUS_AREA", "contiguousArea", "By provincial contiguous poverty area.")
        .WithGeography()
        .WithProvenance();
}
