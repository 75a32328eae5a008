using System.Linq.Expressions;
using PovertyGraph.Domain;
using PovertyGraph.GraphQL;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.Tests.Engine;

/// <summary>The machinery never builds a projection EF would evaluate in memory.</summary>
public sealed class ServerSideGuardTests
{
    public static TheoryData<string, Role> EveryTypeAndRole()
    {
        var data = new TheoryData<string, Role>();
        foreach (var type in ApiModel.Build().All)
        {
            foreach (var role in Enum.GetValues<Role>())
                data.Add(type.Name, role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTypeAndRole))]
    public void Every_projection_of_every_type_for_every_role_translates_to_SQL(string typeName, Role role)
    {
        var model = ApiModel.Build();
        var type = model.ByName(typeName)!;
        var viewer = new Viewer(role, "t", role == Role.Ngo ? "ngo-jiaohe-health" : null, new HashSet<int> { 211, 212 });
        // Sort keys are part of the projection too (for cursors); a partner organisation's villages are a plan value.
        var keys = new SortBuilder(model, Viewer.Public).Build(type, null);
        var partners = role == Role.Ngo ? new PlanValues().Add(new List<int> { 211, 212 }, typeof(IEnumerable<int>)) : null;
        var plan = new ProjectionPlan(model, type, viewer, RowSelection.All, keys.Select(k => k.Expression).ToList(), partners); // throws if not
        Assert.Equal(typeName, plan.Type.Name);
    }

    [Fact]
    public void A_client_side_method_in_a_projection_is_refused()
    {
        Expression<Func<Village, object?[]>> clientSide = v => new object?[] { v.Id, v.Name.ToUpperInvariant() };
        var error = Assert.Throws<InvalidOperationException>(() => ServerSideGuard.Check(clientSide, "test"));
        Assert.Contains("ToUpperInvariant would be evaluated in memory", error.Message);
    }

    [Fact]
    public void Masking_expressions_are_allowed()
    {
        Expression<Func<Person, object?[]>> masked = p => new object?[] { p.Name.Substring(0, 1) + "*", p.IdNumber.Substring(0, 6) + "********" + p.IdNumber.Substring(14, 4) };
        ServerSideGuard.Check(masked, "test");
    }
}
