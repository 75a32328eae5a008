using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class TownshipModel
{
    public static void Declare(EntityModel model) => model.Entity<Township>("Township", "A township-level division (乡, 镇 or 街道).", "townships")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Name as the documents print it, e.g. 漂河镇, 河南街.")
        .Field("namePinyin", x => x.NamePinyin, "Hanyu Pinyin of the name, e.g. Piaohe Zhen, Henan Jie (not printed in the documents: romanised by the rule in seed-data/README.md; generated with the name for placeholder townships).")
        .Field("code", x => x.Code, "Administrative code, where known.")
        .Field("kind", x => x.Kind, "Town (镇), township (乡) or subdistrict (街道).")
        .HasMany("villages", x => x.Villages, c => c.TownshipId, "Administrative villages.")
        .GroupByField("KIND", "kind", "By kind of division.")
        .WithGeography()
        .WithProvenance();
}
