namespace PovertyGraph.Data.Generation;

/// <summary>Plausible Chinese personal and place names for synthetic rows.</summary>
public sealed class NameFactory(Random rng)
{
    // The most common surnames, roughly by frequency (the first ones repeated to weight them).
    private static readonly string[] Surnames =
    [
        "王", "王", "王", "李", "李", "李", "张", "张", "张", "刘", "刘", "陈", "陈", "杨", "杨", "赵", "赵", "黄", "周", "吴",
        "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
        "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎",
        "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆",
        "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤",
        "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文", "朴", "崔", "欧阳", "司马", "上官",
    ];
    /// <summary>Two-character surnames, so masking keeps the whole surname.</summary>
    public static readonly IReadOnlySet<string> CompoundSurnames = new HashSet<string>
        { "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯", "令狐", "长孙", "宇文", "司徒", "端木" };

    private static readonly string[] MaleChars = "国建军明伟强磊洋勇杰涛斌超刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林成文志海东春山福贵德胜利忠学永长庆宝".Select(c => c.ToString()).ToArray();
    private static readonly string[] FemaleChars = "秀英华玉兰芳丽敏静燕艳娟霞红梅琳丹萍洁颖雪慧淑凤桂珍荣霞晶莉倩婷佳欣悦怡春彩云翠美".Select(c => c.ToString()).ToArray();
    private static readonly string[] PlaceFirst = "东西南北前后上下大小新老太长永兴福安和平宝金银石红青黄白松柳杨榆桦榛梨杏枫双三五七九靠岔沟岭岗泉河湖川".Select(c => c.ToString()).ToArray();
    private static readonly string[] PlaceSecond = "山河岭沟泉甸岗屯台营堡园林川湾原阳丰兴发胜利合顺安乐平宁盛源家利民和丰".Select(c => c.ToString()).ToArray();

    public string Surname() => Surnames[rng.Next(Surnames.Length)];

    public string GivenName(bool male)
    {
        var chars = male ? MaleChars : FemaleChars;
        var first = chars[rng.Next(chars.Length)];
        return rng.Next(10) < 3 ? first : first + chars[rng.Next(chars.Length)];
    }

    public string PlaceName() => PlaceFirst[rng.Next(PlaceFirst.Length)] + PlaceSecond[rng.Next(PlaceSecond.Length)];

    /// <summary>The surname part of a full name (compound surnames kept whole).</summary>
    public static string SurnameOf(string fullName) =>
        fullName.Length > 2 && CompoundSurnames.Contains(fullName[..2]) ? fullName[..2] : fullName[..Math.Min(1, fullName.Length)];
}
