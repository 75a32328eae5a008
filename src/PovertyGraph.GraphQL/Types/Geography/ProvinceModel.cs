using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class ProvinceModel
{
    public static void Declare(EntityModel model) => model.Entity<Province>("Province", "A province (省). The dataset covers 吉林省.", "provinces")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Name, e.g. 吉林省.")
        .Field("namePinyin", x => x.NamePinyin, "Hanyu Pinyin of the name, e.g. Jilin Sheng (generated: seed-data/README.md gives the rule; not printed in the documents).")
        .Field("code", x => x.Code, "GB/T 2260 administrative division code.")
        .HasMany("prefectures", x => x.Prefectures, c => c.ProvinceId, "Prefecture-level divisions (市/州).")
        .WithProvenance();
}
