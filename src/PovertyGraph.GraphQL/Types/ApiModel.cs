using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL;

/// <summary>The API's entities: each declared in its own file, in dependency-free order; sealed (checked) before use.</summary>
public static class ApiModel
{
    public static EntityModel Build()
    {
        var model = new EntityModel();
        Types.SourceDocumentModel.Declare(model);
        Types.ProvinceModel.Declare(model);
        Types.PrefectureModel.Declare(model);
        Types.CountyModel.Declare(model);
        Types.TownshipModel.Declare(model);
        Types.VillageModel.Declare(model);
        Types.HouseholdModel.Declare(model);
        Types.PersonModel.Declare(model);
        Types.ProjectModel.Declare(model);
        Types.FundingSourceModel.Declare(model);
        Types.FundingAllocationModel.Declare(model);
        Types.PlanTargetModel.Declare(model);
        Types.AuditEntryModel.Declare(model);
        return model.Seal();
    }
}
