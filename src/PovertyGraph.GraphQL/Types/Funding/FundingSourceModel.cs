using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class FundingSourceModel
{
    public static void Declare(EntityModel model) => model.Entity<FundingSource>("FundingSource",
            "Where money comes from: a fiscal level, banks, enterprises, society.", "fundingSources")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Name, e.g. 中央财政专项扶贫资金.")
        .Field("level", x => x.Level, "Level or sector.")
        .Field("kind", x => x.Kind, "Kind of money.")
        .HasMany("allocations", x => x.Allocations, c => c.SourceId, "Allocations from this source.")
        .GroupByField("LEVEL", "level", "By level.")
        .GroupByField("KIND", "kind", "By kind.")
        .WithProvenance();
}
