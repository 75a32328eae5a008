using GraphQL.Types;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Schema;

public sealed class ViewerType : ObjectGraphType<Viewer>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "The caller as the server understood its token.";
        Field<NonNullGraphType<RoleType>>("role").Description("Role: PUBLIC without a token.").Resolve(c => c.Source.Role);
        Field<StringGraphType>("subject").Description("The token's subject (sub), or null.").Resolve(c => c.Source.Subject);
        Field<StringGraphType>("organization").Description("For NGO tokens: the organisation key (org claim).").Resolve(c => c.Source.Organization);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("partnerVillageIds").Description("For NGO tokens: global IDs of the partner villages where household data is shown in full.")
            .Resolve(c => c.Source.PartnerVillages.Order().Select(id => Model.GlobalId.Encode("Village", id)).ToList());
        Field<NonNullGraphType<BooleanGraphType>>("exactStatistics").Description("Whether household aggregates are exact for this caller (else protected: see the README).")
            .Resolve(c => c.Source.ExactStatistics);
    }
}
