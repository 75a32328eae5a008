using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class HouseholdModel
{
    public static void Declare(EntityModel model) => model.Entity<Household>("Household",
            "A registered poor household (建档立卡贫困户). Every household is synthetic: generated so that the totals the documents publish are reproduced exactly. Personal fields are masked by role (see the README).",
            "households")
        .HoldsPersonalData().ProtectedStatistics().ScopedByVillage(x => x.VillageId).AuditedAs("Household", "id")
        .Key(x => x.Id)
        .Field("memberCount", x => x.MemberCount, "Number of members (persons).", aggregate: true).In(Unit.Persons).NotPersonal()
        .Field("type", x => x.Type, "Household type: 低保户, 五保户 or 一般户.").NotPersonal()
        .Field("primaryCause", x => x.PrimaryCause, "Primary cause of poverty (主要致贫原因). The province's 268,500 ILLNESS households reproduce 000's 因病致(返)贫 figure, which also counts households fallen back into poverty through illness. Protected: hidden from PUBLIC callers.").SensitiveAttribute()
        .Field("primaryMeasure", x => x.PrimaryMeasure, "Primary assistance measure (六个一批). Jiaohe's Table 3-1 counts person-times (人次) adding to 11,606 against its stated 11,609; each person-time is reproduced as one person, so households of 3 persons have null.").NotPersonal()
        .Field("hasLaborCapacity", x => x.HasLaborCapacity, "Has labour capacity (有劳动能力).").NotPersonal()
        .Field("relocated", x => x.Relocated, "In the relocation programme (易地扶贫搬迁). Generated only in the counties 000 names for resettlement sites (通榆, 和龙, 临江, 安图, 抚松 等: that list is not exhaustive).").NotPersonal()
        .Field("registeredYear", x => x.RegisteredYear, "Year the household was registered (建档立卡).", aggregate: true).In(Unit.Year).NotPersonal()
        .Field("plannedExitYear", x => x.PlannedExitYear, "Year the household is planned to exit poverty.", aggregate: true).In(Unit.Year).NotPersonal()
        .Field("annualIncomePerCapita", x => x.AnnualIncomePerCapita, "Annual income per member, yuan. Protected: hidden from PUBLIC callers.", aggregate: true, kind: ScalarKind.Money).In(Unit.YuanPerPersonPerYear)
            .SensitiveAttribute()
        .Field("headName", x => x.HeadName, "Name of the household head (户主). Masked or hidden by role.", filter: false, sort: false).Identifier(Mask.Surname)
        .Field("headIdNumber", x => x.HeadIdNumber, "Identity number of the household head (fake: see the README). Masked or hidden by role.", filter: false, sort: false)
            .Identifier(Mask.IdentityNumberEnds)
        .Field("phone", x => x.Phone, "Contact phone (from a range not in service). Hidden except for partner NGOs and officials.", filter: false, sort: false).Identifier()
        .HasOne("village", x => x.Village, x => x.VillageId, "The village the household lives in.")
        .HasMany("members", x => x.Members, c => c.HouseholdId, "Members of the household, head first.")
        .GroupByEntity<Village>("VILLAGE", "village", x => x.VillageId, "By village.")
        .GroupByField("TYPE", "type", "By household type.")
        .GroupByField("PRIMARY_CAUSE", "primaryCause", "By primary cause of poverty.")
        .GroupByField("PRIMARY_MEASURE", "primaryMeasure", "By primary assistance measure.")
        .GroupByField("HAS_LABOR_CAPACITY", "hasLaborCapacity", "By labour capacity.")
        .GroupByField("RELOCATED", "relocated", "By relocation.")
        .GroupByField("REGISTERED_YEAR", "registeredYear", "By year of registration.")
        .GroupByField("PLANNED_EXIT_YEAR", "plannedExitYear", "By planned exit year.")
        .GroupByValue("PROVINCIAL_VILLAGE", "provincialVillage", x => x.Village!.ProvincialLevel,
            "By whether the household's village is a provincial-level poor village (省级贫困村), as 001 counts its households.")
        .WithCellKey(x => x.CellKey)
        .WithGeography()
        .WithProvenance();
}
