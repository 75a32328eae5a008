namespace PovertyGraph.Tests.Api;

/// <summary>
/// namePinyin on every place type (issue 16, item 2). The expected romanisations are written by hand from the
/// place names' standard readings (长 chang, 珲 hun, 洮 tao, 什 shi, 柞 zuo ...), not read from seed-data.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PlaceNamePinyinTests(PovertyGraphFactory factory)
{
    public static TheoryData<string, string, string> HandChecked => new()
    {
        { "provinces", "吉林省", "Jilin Sheng" },
        { "prefectures", "长春市", "Changchun Shi" },
        { "prefectures", "延边朝鲜族自治州", "Yanbian Chaoxianzu Zizhizhou" },
        { "counties", "长白县", "Changbai Xian" },
        { "counties", "长岭县", "Changling Xian" },
        { "counties", "珲春市", "Hunchun Shi" },
        { "counties", "蛟河市", "Jiaohe Shi" },
        { "counties", "洮南市", "Taonan Shi" },
        { "counties", "洮北区", "Taobei Qu" },
        { "counties", "大安市", "Da'an Shi" },
        { "counties", "乾安县", "Qian'an Xian" },
        { "counties", "农安县", "Nong'an Xian" },
        { "counties", "镇赉县", "Zhenlai Xian" },
        { "counties", "辽河农垦区", "Liaohe Nongkenqu" },
        { "townships", "长安街", "Chang'an Jie" },
        { "townships", "漂河镇", "Piaohe Zhen" },
        { "townships", "乐胜乡", "Lesheng Xiang" },
        { "townships", "开山屯镇", "Kaishantun Zhen" },
        { "townships", "什华道乡", "Shihuadao Xiang" },
        { "townships", "嘎什根乡", "Gashigen Xiang" },
        { "townships", "莽卡满族乡", "Mangka Manzu Xiang" },
        { "townships", "夏家店街道", "Xiajiadian Jiedao" },
        { "villages", "安乐村", "Anle Cun" },
        { "villages", "长进村", "Changjin Cun" },
        { "villages", "六合村", "Liuhe Cun" },
        { "villages", "柞树村", "Zuoshu Cun" },
        { "villages", "小屯村", "Xiaotun Cun" },
        { "villages", "葡萄沟村", "Putaogou Cun" },
        { "villages", "八垧地村", "Bashangdi Cun" },
        { "villages", "四青咀村", "Siqingzui Cun" },
        { "villages", "老村", "Laocun" },
        { "villages", "公平朝鲜族村", "Gongping Chaoxianzu Cun" },
        { "villages", "富余（乐）村", "Fuyu (Le) Cun" },
    };

    [Theory]
    [MemberData(nameof(HandChecked))]
    public async Task A_hand_checked_name_is_served_and_filterable(string collection, string name, string pinyin)
    {
        var data = await factory.QueryAsync($$$"""
            { byName: {{{collection}}}(where: {name: {eq: "{{{name}}}"}}) { nodes { namePinyin provenance { synthetic syntheticFields } } }
              byPinyin: {{{collection}}}(where: {namePinyin: {eq: "{{{pinyin}}}"}}) { nodes { name } } }
            """);
        var nodes = data["byName"]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Equal(pinyin, n!["namePinyin"]!.ToString()));
        // The romanised form is ours, not the document's: a real row lists it among its supplied fields (a placeholder
        // with the same generated name is synthetic as a whole).
        var real = nodes.Where(n => !(bool)n!["provenance"]!["synthetic"]!).ToList();
        Assert.NotEmpty(real);
        Assert.All(real, n => Assert.Contains("namePinyin", n!["provenance"]!["syntheticFields"]!.AsArray().Select(f => f!.ToString())));
        Assert.Contains(name, data["byPinyin"]!["nodes"]!.AsArray().Select(n => n!["name"]!.ToString()));
    }

    [Theory]
    [InlineData("provinces")]
    [InlineData("prefectures")]
    [InlineData("counties")]
    [InlineData("townships")]
    [InlineData("villages")]
    public async Task Every_place_has_a_romanised_name_and_sorts_by_it(string collection)
    {
        var data = await factory.QueryAsync($$$"""
            { all: {{{collection}}} { totalCount }
              empty: {{{collection}}}(where: {namePinyin: {eq: ""}}) { totalCount }
              sorted: {{{collection}}}(order: [{namePinyin: ASC}], first: 200) { nodes { name namePinyin } } }
            """);
        Assert.True((int)data["all"]!["totalCount"]! > 0);
        Assert.Equal(0, (int)data["empty"]!["totalCount"]!);
        var names = data["sorted"]!["nodes"]!.AsArray().Select(n => n!["namePinyin"]!.ToString()).ToList();
        Assert.Equal(Math.Min(200, (int)data["all"]!["totalCount"]!), names.Count);
        Assert.All(names, n => Assert.Matches(WellFormed, n));
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    /// <summary>Capitalised words of lower-case pinyin letters, apostrophes inside a word, a parenthesised note at most.</summary>
    internal const string WellFormed = @"^[A-Z][a-zü']*( \(?[A-Z][a-zü']*\)?)*$";

    [Fact]
    public async Task Placeholder_places_have_generated_romanised_names_and_are_flagged()
    {
        var data = await factory.QueryAsync("""
            { villages(where: {registered: {eq: true}, provincialLevel: {eq: false}}, first: 100) { nodes { name namePinyin provenance { synthetic } } }
              townships(first: 500) { nodes { name namePinyin provenance { synthetic } } } }
            """);
        // Registered villages that are not Jiaohe's provincial ones are placeholders (DATA.md); so are the townships
        // flagged synthetic.
        var villages = data["villages"]!["nodes"]!.AsArray().ToList();
        var townships = data["townships"]!["nodes"]!.AsArray().Where(n => (bool)n!["provenance"]!["synthetic"]!).ToList();
        Assert.Equal(100, villages.Count);
        Assert.NotEmpty(townships);
        var nodes = villages.Concat(townships).ToList();
        foreach (var n in nodes)
        {
            var name = n!["name"]!.ToString();
            var pinyin = n["namePinyin"]!.ToString();
            Assert.True((bool)n["provenance"]!["synthetic"]!);
            Assert.Matches(WellFormed, pinyin);
            // Two generated characters and the generic: one word of two syllables, then Cun, Zhen or Xiang.
            Assert.EndsWith(name[^1] switch { '村' => " Cun", '镇' => " Zhen", '乡' => " Xiang", _ => "?" }, pinyin);
        }
    }

    [Fact]
    public async Task NamePinyin_is_described_on_every_place_type()
    {
        var data = await factory.QueryAsync("""
            { p: __type(name: "Province") { fields { name description type { name } } }
              f: __type(name: "Prefecture") { fields { name description type { name } } }
              c: __type(name: "County") { fields { name description type { name } } }
              t: __type(name: "Township") { fields { name description type { name } } }
              v: __type(name: "Village") { fields { name description type { name } } } }
            """);
        foreach (var type in new[] { "p", "f", "c", "t", "v" })
        {
            var field = Assert.Single(data[type]!["fields"]!.AsArray(), f => f!["name"]!.ToString() == "namePinyin")!;
            Assert.Equal("String", field["type"]!["name"]!.ToString());
            Assert.Contains("Hanyu Pinyin", field["description"]!.ToString());
            Assert.Contains("not printed in the documents", field["description"]!.ToString());
        }
    }

    [Fact]
    public async Task National_key_counties_are_the_six_named_and_the_rest_unknown()
    {
        // 000 第二章 专栏1（四）: 靖宇、大安、和龙、通榆、汪清、镇赉等国家扶贫开发工作重点县.
        var data = await factory.QueryAsync("""
            { key: counties(where: {nationalKeyCounty: {eq: true}}, order: [{name: ASC}]) { nodes { name nationalKeyCounty } }
              notKey: counties(where: {nationalKeyCounty: {eq: false}}) { totalCount }
              jiaohe: counties(where: {name: {eq: "蛟河市"}}) { nodes { nationalKeyCounty } }
              type: __type(name: "County") { fields { name description } } }
            """);
        Assert.Equal(new[] { "和龙市", "大安市", "汪清县", "通榆县", "靖宇县", "镇赉县" }.Order(StringComparer.Ordinal),
            data["key"]!["nodes"]!.AsArray().Select(n => n!["name"]!.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, (int)data["notKey"]!["totalCount"]!);
        Assert.Null(data["jiaohe"]!["nodes"]![0]!["nationalKeyCounty"]);
        var description = Assert.Single(data["type"]!["fields"]!.AsArray(), f => f!["name"]!.ToString() == "nationalKeyCounty")!["description"]!.ToString();
        Assert.Contains("not exhaustive", description);
        Assert.Contains("等", description);
    }

    [Fact]
    public async Task Inferred_years_and_person_times_are_visible_through_the_api()
    {
        // 001 Table 3-1: unit 人次, no year printed.
        var data = await factory.QueryAsync("""
            { planTargets(where: {unit: {eq: "人次"}}) { totalCount nodes { year provenance { syntheticFields } } } }
            """);
        Assert.Equal(7, (int)data["planTargets"]!["totalCount"]!);
        Assert.All(data["planTargets"]!["nodes"]!.AsArray(),
            n => Assert.Contains("year", n!["provenance"]!["syntheticFields"]!.AsArray().Select(f => f!.ToString())));
    }

}
