using PovertyGraph.Data.Generation;
using PovertyGraph.Tests.Api;

namespace PovertyGraph.Tests.Data;

/// <summary>Romanised names in the built database and of generated placeholder names (issue 16, item 2).</summary>
[Collection(ProvinceDatabaseCollection.Name)]
public sealed class PlaceNamePinyinDataTests(ProvinceDatabaseFixture fixture)
{
    [Theory]
    [InlineData("Provinces")]
    [InlineData("Prefectures")]
    [InlineData("Counties")]
    [InlineData("Townships")]
    [InlineData("Villages")]
    public void Every_place_row_has_a_well_formed_romanised_name(string table)
    {
        using var db = DataTestSupport.Open(fixture.DatabasePath);
        var rows = db.Rows($"SELECT Name, NamePinyin, Synthetic FROM {table}");
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var pinyin = (string)row[1]!;
            Assert.Matches(PlaceNamePinyinTests.WellFormed, pinyin);
            // The generic part of the name is the last word: 村 Cun, 镇 Zhen, 乡 Xiang, 县 Xian, 市 Shi ...
            var generic = ((string)row[0]!)[^1] switch
            {
                '村' => "Cun", '镇' => "Zhen", '乡' => "Xiang", '县' => "Xian", '市' => "Shi", '区' => "Qu", '省' => "Sheng",
                '州' => "Zizhizhou", '街' => "Jie", '道' => "Jiedao", _ => null,
            };
            if (generic != null) Assert.Matches($"(^| |[a-z]){generic.ToLowerInvariant()}$", pinyin.ToLowerInvariant());
        }
        // Placeholder rows too: thousands of generated villages in the province profile.
        if (table == "Villages") Assert.True(rows.Count(r => (long)r[2]! == 1) > 1000);
    }

    [Theory]
    [InlineData("东山村", "Dongshan Cun")]
    [InlineData("大安镇", "Da'an Zhen")]   // GB/T 16159: apostrophe before a syllable starting with a, o or e
    [InlineData("西安乡", "Xi'an Xiang")]
    [InlineData("长乐村", "Changle Cun")] // 长 chang, 乐 le in place names
    [InlineData("和平镇", "Heping Zhen")]
    [InlineData("靠山屯村", "Kaoshantun Cun")]
    public void Generated_names_are_romanised_by_the_same_rule(string name, string expected) =>
        Assert.Equal(expected, PlaceNameReadings.Romanise(name));

    [Theory]
    [InlineData("东山")]   // no generic
    [InlineData("山村")]   // one-syllable specific: not a generated name
    [InlineData("东山市")]
    [InlineData("堡子村")] // 子 is not a character the generator uses
    public void A_name_the_generator_cannot_make_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => PlaceNameReadings.Romanise(name));
}
