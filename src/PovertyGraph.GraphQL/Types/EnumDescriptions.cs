using PovertyGraph.Domain;

namespace PovertyGraph.GraphQL;

/// <summary>Descriptions of every enum type and value, with the Chinese terms of the documents.</summary>
public static class EnumDescriptions
{
    private static readonly Dictionary<Type, string> Types = new()
    {
        [typeof(CountyKind)] = "Kind of county-level division.",
        [typeof(TownshipKind)] = "Kind of township-level division.",
        [typeof(ContiguousArea)] = "Jilin's two provincial contiguous poverty areas (省级扶贫攻坚片区), 003.",
        [typeof(RegionLevel)] = "Administrative level of a region.",
        [typeof(VillageDesignation)] = "Programme lists a village is named in.",
        [typeof(HouseholdType)] = "Household type in the registration system (户类型).",
        [typeof(PovertyCause)] = "Primary cause of poverty (主要致贫原因).",
        [typeof(AssistanceMeasure)] = "Primary assistance measure: the \"six batches\" (六个一批).",
        [typeof(Gender)] = "Sex as recorded on the identity card.",
        [typeof(Relationship)] = "Relationship to the household head (与户主关系).",
        [typeof(ProjectCategory)] = "Kind of poverty-alleviation project.",
        [typeof(ProjectKind)] = "Single project, or programme (a budget line with no project count).",
        [typeof(ProjectStatus)] = "Status of a project as the documents plan it.",
        [typeof(FundingLevel)] = "Level of government or sector a funding source belongs to.",
        [typeof(FundingKind)] = "Kind of money a source provides.",
        [typeof(TargetAttribute)] = "Whether a plan indicator is binding or expected.",
    };

    private static readonly Dictionary<(Type, string), string> Values = new()
    {
        [(typeof(CountyKind), "County")] = "County (县).",
        [(typeof(CountyKind), "City")] = "County-level city (县级市).",
        [(typeof(CountyKind), "District")] = "City district (市辖区).",
        [(typeof(TownshipKind), "Town")] = "Town (镇).",
        [(typeof(TownshipKind), "Township")] = "Township (乡).",
        [(typeof(TownshipKind), "Subdistrict")] = "Subdistrict (街道).",
        [(typeof(ContiguousArea), "WestAridSaline")] = "Western arid, saline-alkaline and sandy area (西部干旱盐碱沙化地区).",
        [(typeof(ContiguousArea), "EastAlpineMountain")] = "Eastern alpine mountain area (东部高寒山区).",
        [(typeof(VillageDesignation), "WholeVillageAdvancement2013")] = "Started whole-village advancement (整村推进) in 2013 (002, Annex 3).",
        [(typeof(VillageDesignation), "ProvincialPoorVillage")] = "Provincial-level poor village (省级贫困村), 001 Table 1-2.",
        [(typeof(VillageDesignation), "RegisteredPoorVillage")] = "Registered poor village (建档立卡贫困村).",
        [(typeof(HouseholdType), "LowIncomeGuarantee")] = "Minimum living guarantee household (低保户).",
        [(typeof(HouseholdType), "FiveGuarantees")] = "Five-guarantees household (五保户).",
        [(typeof(HouseholdType), "General")] = "General poor household (一般贫困户).",
        [(typeof(PovertyCause), "Illness")] = "Illness (因病).",
        [(typeof(PovertyCause), "Disability")] = "Disability (因残).",
        [(typeof(PovertyCause), "Education")] = "Cost of schooling (因学).",
        [(typeof(PovertyCause), "Disaster")] = "Natural disaster (因灾).",
        [(typeof(PovertyCause), "LackOfLand")] = "Lack of land (缺土地).",
        [(typeof(PovertyCause), "LackOfSkills")] = "Lack of skills (缺技术).",
        [(typeof(PovertyCause), "LackOfLabor")] = "Lack of labour (缺劳力).",
        [(typeof(PovertyCause), "LackOfCapital")] = "Lack of capital (缺资金).",
        [(typeof(PovertyCause), "LackOfMotivation")] = "Lack of motivation to develop (自身发展动力不足).",
        [(typeof(PovertyCause), "Other")] = "Other causes (其他).",
        [(typeof(AssistanceMeasure), "Production")] = "Out of poverty through production (发展生产脱贫一批).",
        [(typeof(AssistanceMeasure), "Ecology")] = "Through ecological protection (生态保护脱贫一批).",
        [(typeof(AssistanceMeasure), "Education")] = "Through education (发展教育脱贫一批).",
        [(typeof(AssistanceMeasure), "Health")] = "Through health assistance (健康救助脱贫一批).",
        [(typeof(AssistanceMeasure), "SocialSecurity")] = "Through social-security guarantee (社会保障兜底一批).",
        [(typeof(AssistanceMeasure), "CaseByCase")] = "Case-by-case assistance (一事一议帮扶一批).",
        [(typeof(ProjectKind), "Project")] = "A single project.",
        [(typeof(ProjectKind), "Programme")] = "A programme or budget line with no project count.",
        [(typeof(FundingLevel), "Central")] = "Central government (中央).",
        [(typeof(FundingLevel), "Provincial")] = "Provincial government (省级).",
        [(typeof(FundingLevel), "Prefecture")] = "Prefecture government (市州).",
        [(typeof(FundingLevel), "County")] = "County government (县市区本级).",
        [(typeof(FundingLevel), "Financial")] = "Banks and financial institutions (金融).",
        [(typeof(FundingLevel), "Enterprise")] = "Enterprises and institutions (企业事业单位).",
        [(typeof(FundingLevel), "Social")] = "Society: assisting units, donors, villagers (社会).",
        [(typeof(TargetAttribute), "Binding")] = "Binding indicator (约束性).",
        [(typeof(TargetAttribute), "Expected")] = "Expected indicator (预期性).",
    };

    public static string ForType(Type type) => Types.GetValueOrDefault(type, type.Name + ".");

    public static string ForValue(Type type, string value) =>
        Values.GetValueOrDefault((type, value)) ?? System.Text.RegularExpressions.Regex.Replace(value, "(?<!^)([A-Z])", " $1") + ".";
}
