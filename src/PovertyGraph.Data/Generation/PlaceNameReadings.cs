namespace PovertyGraph.Data.Generation;

/// <summary>
/// Hanyu Pinyin of the generated placeholder names (<see cref="NameFactory.PlaceName"/> plus 镇, 乡 or 村), by the
/// rule of the real names' namePinyin column (seed-data/README.md, "Romanised names"). The readings were produced
/// once with pinyin-pro by seed-data/tools/romanise-place-names.cjs --readings and checked by hand (长 chang, 和 he,
/// 乐 le, 堡 bao ...): a table, so the generator stays deterministic and needs no library at run time.
/// </summary>
public static class PlaceNameReadings
{
    private static readonly Dictionary<char, string> Readings = new()
    {
        ['东'] = "dong", ['西'] = "xi", ['南'] = "nan", ['北'] = "bei", ['前'] = "qian", ['后'] = "hou", ['上'] = "shang", ['下'] = "xia",
        ['大'] = "da", ['小'] = "xiao", ['新'] = "xin", ['老'] = "lao", ['太'] = "tai", ['长'] = "chang", ['永'] = "yong", ['兴'] = "xing",
        ['福'] = "fu", ['安'] = "an", ['和'] = "he", ['平'] = "ping", ['宝'] = "bao", ['金'] = "jin", ['银'] = "yin", ['石'] = "shi",
        ['红'] = "hong", ['青'] = "qing", ['黄'] = "huang", ['白'] = "bai", ['松'] = "song", ['柳'] = "liu", ['杨'] = "yang", ['榆'] = "yu",
        ['桦'] = "hua", ['榛'] = "zhen", ['梨'] = "li", ['杏'] = "xing", ['枫'] = "feng", ['双'] = "shuang", ['三'] = "san", ['五'] = "wu",
        ['七'] = "qi", ['九'] = "jiu", ['靠'] = "kao", ['岔'] = "cha", ['沟'] = "gou", ['岭'] = "ling", ['岗'] = "gang", ['泉'] = "quan",
        ['河'] = "he", ['湖'] = "hu", ['川'] = "chuan", ['山'] = "shan", ['甸'] = "dian", ['屯'] = "tun", ['台'] = "tai", ['营'] = "ying",
        ['堡'] = "bao", ['园'] = "yuan", ['林'] = "lin", ['湾'] = "wan", ['原'] = "yuan", ['阳'] = "yang", ['丰'] = "feng", ['发'] = "fa",
        ['胜'] = "sheng", ['利'] = "li", ['合'] = "he", ['顺'] = "shun", ['乐'] = "le", ['宁'] = "ning", ['盛'] = "sheng", ['源'] = "yuan",
        ['家'] = "jia", ['民'] = "min",
    };

    private static readonly Dictionary<char, string> Generics = new() { ['镇'] = "Zhen", ['乡'] = "Xiang", ['村'] = "Cun" };

    /// <summary>"东山村" → "Dongshan Cun", "大安镇" → "Da'an Zhen".</summary>
    public static string Romanise(string name)
    {
        // Two characters or more before the generic: a one-syllable specific part would be joined to it (README).
        if (name.Length < 3 || !Generics.TryGetValue(name[^1], out var generic))
            throw new ArgumentException($"not a generated place name: {name}", nameof(name));
        var word = new System.Text.StringBuilder();
        foreach (var c in name[..^1])
        {
            var syllable = Readings.TryGetValue(c, out var r) ? r : throw new ArgumentException($"no reading for {c} in {name}", nameof(name));
            // GB/T 16159: an apostrophe before a, o or e when the syllable does not start the word.
            if (word.Length > 0 && syllable[0] is 'a' or 'o' or 'e') word.Append('\'');
            word.Append(syllable);
        }
        word[0] = char.ToUpperInvariant(word[0]);
        return word + " " + generic;
    }
}
