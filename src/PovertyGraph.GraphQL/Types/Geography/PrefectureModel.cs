using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class PrefectureModel
{
    public static void Declare(EntityModel model) => model.Entity<Prefecture>("Prefecture", "A prefecture-level division (地级市/自治州).", "prefectures")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Name, e.g. 白城市, 延边朝鲜族自治州.")
        .Field("namePinyin", x => x.NamePinyin, "Hanyu Pinyin of the name, e.g. Yanbian Chaoxianzu Zizhizhou (generated: seed-data/README.md gives the rule; not printed in the documents).")
        .Field("code", x => x.Code, "GB/T 2260 administrative division code.")
        .HasMany("counties", x => x.Counties, c => c.PrefectureId, "County-level divisions (县/县级市/区).")
        .WithGeography()
        .WithProvenance();
}
