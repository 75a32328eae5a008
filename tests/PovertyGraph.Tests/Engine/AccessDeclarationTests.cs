using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Domain;
using PovertyGraph.GraphQL;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Tests.Engine;

/// <summary>
/// Access is declared with the data and closed by default: a type that holds personal data must say what every field
/// holds, or the model, and so the server, is refused at start.
/// </summary>
public sealed class AccessDeclarationTests
{
    private static EntityModel WithHousehold(Action<EntityBuilder<Household>> declare)
    {
        var model = new EntityModel();
        model.Entity<Village>("Village", "v", "villages").Key(x => x.Id).Field("name", x => x.Name, "n");
        var household = model.Entity<Household>("Household", "h", "households").HoldsPersonalData().AuditedAs("Household", "id").Key(x => x.Id);
        declare(household);
        return model;
    }

    [Fact]
    public void A_field_that_does_not_say_what_it_holds_stops_the_server_from_starting()
    {
        var model = WithHousehold(h => h
            .Field("memberCount", x => x.MemberCount, "m").NotPersonal()
            .Field("headName", x => x.HeadName, "n")); // forgotten: what does it hold?
        var services = new ServiceCollection();
        var error = Assert.Throws<InvalidOperationException>(() => services.AddPovertyGraphGraphQL(model: model));
        Assert.Contains("Household.headName", error.Message);
        Assert.DoesNotContain("memberCount", error.Message);
    }

    [Fact]
    public void A_declared_model_starts()
    {
        var model = WithHousehold(h => h
            .Field("memberCount", x => x.MemberCount, "m").NotPersonal()
            .Field("headName", x => x.HeadName, "n").Identifier(Mask.Surname));
        new ServiceCollection().AddPovertyGraphGraphQL(model: model);
        Assert.True(model.Sealed);
    }

    [Fact]
    public void Personal_fields_need_a_type_that_says_it_holds_personal_data()
    {
        var model = new EntityModel();
        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Entity<Person>("Person", "p").Key(x => x.Id).Field("name", x => x.Name, "n").Identifier(Mask.Surname));
        Assert.Contains("HoldsPersonalData", error.Message);
    }

    [Fact]
    public void Identifiers_need_an_audit_subject()
    {
        var model = new EntityModel();
        model.Entity<Person>("Person", "p").HoldsPersonalData().Key(x => x.Id).Field("name", x => x.Name, "n").Identifier(Mask.Surname);
        Assert.Contains("audit", Assert.Throws<InvalidOperationException>(() => model.Seal()).Message);
    }

    [Fact]
    public void An_undeclared_field_is_never_given_a_level()
    {
        // Closed by default even past the start-up check: no level is guessed for a field that says nothing.
        var model = WithHousehold(h => h.Field("phone", x => x.Phone, "p"));
        var household = model.ByName("Household")!;
        foreach (var role in Enum.GetValues<Role>())
            Assert.Throws<InvalidOperationException>(() => AccessRules.LevelsFor(household, household.Field("phone"), new Viewer(role)));
    }

    [Fact]
    public void The_api_model_declares_every_field_of_its_personal_data_types()
    {
        var model = ApiModel.Build();
        var personal = model.All.Where(t => t.HoldsPersonalData).ToList();
        Assert.Equal(["Household", "Person"], personal.Select(t => t.Name).Order());
        Assert.All(personal.SelectMany(t => t.Fields), f => Assert.NotNull(f.PersonalData));
        Assert.Equal(["Household", "Person"], model.All.Where(t => t.ProtectedStatistics).Select(t => t.Name).Order());
        Assert.Equal(["AuditEntry"], model.All.Where(t => t.AdministratorsOnly).Select(t => t.Name));
    }

    [Fact]
    public void Masking_keeps_every_compound_surname_the_generator_uses_without_depending_on_it()
    {
        Assert.Subset(Masks.CompoundSurnames.ToHashSet(), PovertyGraph.Data.Generation.NameFactory.CompoundSurnames.ToHashSet());
        var sources = Directory.EnumerateFiles(Path.Combine(Data.DataTestSupport.RepositoryRoot, "src", "PovertyGraph.GraphQL"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        Assert.All(sources, file => Assert.DoesNotContain("Data.Generation", File.ReadAllText(file)));
    }
}
