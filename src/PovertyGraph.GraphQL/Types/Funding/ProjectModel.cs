using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class ProjectModel
{
    public static void Declare(EntityModel model) => model.Entity<Project>("Project",
            "A poverty-alleviation project, or a programme (a budget line the documents give without a project count). Money in yuan.",
            "projects")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Name (generated for the individual Jiaohe projects).")
        .Field("category", x => x.Category, "Kind of project.")
        .Field("kind", x => x.Kind, "PROJECT or PROGRAMME.")
        .Field("status", x => x.Status, "Status as planned.")
        .Field("startYear", x => x.StartYear, "First year.", aggregate: true).In(Unit.Year)
        .Field("endYear", x => x.EndYear, "Last year.", aggregate: true).In(Unit.Year)
        .Money("budget", x => x.Budget, "Planned investment, yuan.")
        .HasOne("village", x => x.Village, x => x.VillageId, "The village, for village projects.")
        .HasMany("allocations", x => x.Allocations, c => c.ProjectId, "Money allocated to the project, by source and year.")
        .GroupByEntity<Village>("VILLAGE", "village", x => x.VillageId, "By village.")
        .GroupByField("CATEGORY", "category", "By category.")
        .GroupByField("KIND", "kind", "Projects vs programmes.")
        .GroupByField("STATUS", "status", "By status.")
        .GroupByField("START_YEAR", "startYear", "By first year.")
        .WithGeography()
        .WithProvenance();
}
