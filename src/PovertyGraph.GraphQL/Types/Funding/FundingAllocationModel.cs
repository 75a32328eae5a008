using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class FundingAllocationModel
{
    public static void Declare(EntityModel model) => model.Entity<FundingAllocation>("FundingAllocation",
            "Money from one source to one project or programme in one year, in yuan.", "fundingAllocations")
        .Key(x => x.Id)
        .Field("year", x => x.Year, "Year of the allocation.", aggregate: true).In(Unit.Year)
        .Money("amount", x => x.Amount, "Amount, yuan (exact).")
        .HasOne("project", x => x.Project, x => x.ProjectId, "The project or programme funded.")
        .HasOne("source", x => x.Source, x => x.SourceId, "The funding source.")
        .GroupByEntity<FundingSource>("SOURCE", "source", x => x.SourceId, "By funding source.")
        .GroupByValue("SOURCE_LEVEL", "sourceLevel", x => x.Source!.Level, "By the source's level.")
        .GroupByField("YEAR", "year", "By year.")
        .GroupByValue("CATEGORY", "category", x => x.Project!.Category, "By the project's category.")
        .GroupByValue("PROJECT_KIND", "projectKind", x => x.Project!.Kind, "Projects vs programmes.")
        .GroupByEntity<Project>("PROJECT", "project", x => x.ProjectId, "By project.")
        .GroupByEntity<County>("COUNTY", "county", x => x.Project!.CountyId, "By the project's county.")
        .GroupByEntity<Prefecture>("PREFECTURE", "prefecture", x => x.Project!.PrefectureId, "By the project's prefecture.")
        .GroupByEntity<Province>("PROVINCE", "province", x => x.Project!.ProvinceId, "By the project's province.")
        .WithProvenance();
}
