using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class CountyModel
{
    public static void Declare(EntityModel model) => model.Entity<County>("County", "A county-level division (县, 县级市 or 市辖区).", "counties")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Name as the documents print it, e.g. 蛟河市, 通榆县.")
        .Field("code", x => x.Code, "GB/T 2260 administrative division code (from general knowledge; see provenance.syntheticFields).")
        .Field("kind", x => x.Kind, "County (县), county-level city (县级市) or district (区).")
        .Field("contiguousArea", x => x.ContiguousArea, "Provincial contiguous poverty area (片区) the county belongs to, or null (003).")
        .Field("nationalContiguousArea", x => x.NationalContiguousArea, "National contiguous destitute area, e.g. 大兴安岭南麓, or null.")
        .HasMany("townships", x => x.Townships, c => c.CountyId, "Township-level divisions (乡/镇/街道).")
        .HasMany("villages", x => x.Villages, c => c.CountyId, "Administrative villages (行政村).")
        .GroupByField("KIND", "kind", "By kind of division.")
        .GroupByField("CONTIGUOUS_AREA", "contiguousArea", "By provincial contiguous poverty area.")
        .WithGeography()
        .WithProvenance();
}
