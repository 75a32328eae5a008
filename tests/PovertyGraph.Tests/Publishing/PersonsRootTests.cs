using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Tests.Publishing;

/// <summary>
/// <c>persons</c> as a root collection: researchers ask for persons by birth year, sex and county directly. The counts
/// are checked against the rows themselves (SQL written here), the access levels against the roles table.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PersonsRootTests(PovertyGraphFactory factory)
{
    private const string Jiaohe = "蛟河市";

    private long CountInDatabase(int birthYear, string gender)
    {
        using var connection = factory.Database.Open();
        return connection.Scalar("""
            SELECT COUNT(*) FROM "Persons" p JOIN "Households" h ON h."Id" = p."HouseholdId" JOIN "Counties" c ON c."Id" = h."CountyId"
            WHERE c."Name" = @county AND p."Gender" = @gender AND p."BirthDate" >= @from AND p."BirthDate" < @to
            """, ("@county", Jiaohe), ("@gender", gender == "FEMALE" ? 2 : 1),
            ("@from", new DateOnly(birthYear, 1, 1)), ("@to", new DateOnly(birthYear + 1, 1, 1)));
    }

    [Theory]
    [InlineData(1965, "MALE")]
    [InlineData(1980, "FEMALE")]
    public async Task Persons_by_birth_year_sex_and_county_are_the_rows_that_match(int year, string gender)
    {
        var data = await factory.QueryAsync($$"""
            { persons(where: { birthYear: { eq: {{year}} }, gender: { eq: {{gender}} }, county: { name: { eq: "{{Jiaohe}}" } } },
                      order: [{ village: { name: ASC } }], first: 500) {
                totalCount nodes { birthYear birthDate gender county { name } village { name } } } }
            """);
        var expected = CountInDatabase(year, gender); // after the first request: the server builds its database on start
        Assert.True(expected > 10, "the test needs a year with persons in it");
        Assert.Equal(expected, (int)data["persons"]!["totalCount"]!);
        var nodes = data["persons"]!["nodes"]!.AsArray();
        Assert.Equal(Math.Min(expected, 500), nodes.Count);
        Assert.All(nodes, n =>
        {
            Assert.Equal(year, (int)n!["birthYear"]!);
            Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), n["birthDate"]!.ToString()); // PUBLIC: the year only
            Assert.Equal(gender, n["gender"]!.ToString());
            Assert.Equal(Jiaohe, n["county"]!["name"]!.ToString());
        });
        var villages = nodes.Select(n => n!["village"]!["name"]!.ToString()).ToList();
        Assert.Equal(villages.Order(StringComparer.Ordinal), villages);
    }

    [Fact]
    public async Task Every_role_sees_the_birth_year_and_only_its_own_levels_of_the_rest()
    {
        const string query = "{ persons(first: 5, order: [{ birthYear: DESC }]) { nodes { name idNumber birthDate birthYear } } }";
        foreach (var (token, role) in new[] { ((string?)null, Role.Public), (Tokens.Researcher, Role.Researcher), (Tokens.Official, Role.Official) })
        {
            var nodes = (await factory.QueryAsync(query, token: token))["persons"]!["nodes"]!.AsArray();
            Assert.Equal(5, nodes.Count);
            foreach (var node in nodes)
            {
                var year = (int)node!["birthYear"]!;
                var birthDate = node["birthDate"]!.ToString();
                Assert.StartsWith(year.ToString(System.Globalization.CultureInfo.InvariantCulture), birthDate);
                switch (role)
                {
                    case Role.Public:
                        Assert.EndsWith("*", node["name"]!.ToString());
                        Assert.Null(node["idNumber"]);
                        Assert.Equal(4, birthDate.Length);
                        break;
                    case Role.Researcher:
                        Assert.Null(node["name"]);
                        Assert.Null(node["idNumber"]);
                        Assert.Equal(4, birthDate.Length);
                        break;
                    default:
                        Assert.DoesNotContain("*", node["name"]!.ToString());
                        Assert.Equal(18, node["idNumber"]!.ToString().Length);
                        Assert.Equal(10, birthDate.Length);
                        break;
                }
            }
        }
    }

    [Fact]
    public async Task Persons_group_by_exit_year_and_prefecture_exactly_for_officials_and_protected_for_the_public()
    {
        const string query = "{ persons { groupedAggregates(groupBy: [PLANNED_EXIT_YEAR, PREFECTURE]) { keys { plannedExitYear prefecture { name } } count suppressed } } }";
        var exact = (await factory.QueryAsync(query, token: Tokens.Official))["persons"]!["groupedAggregates"]!.AsArray();
        using var connection = factory.Database.Open();
        var truth = connection.Pairs("""
            SELECT h."PlannedExitYear", COUNT(*) FROM "Persons" p JOIN "Households" h ON h."Id" = p."HouseholdId" GROUP BY h."PlannedExitYear"
            """);
        Assert.Equal(truth, exact.ToDictionary(g => g!["keys"]!["plannedExitYear"]!.ToString(), g => (long)g!["count"]!));
        Assert.All(exact, g => Assert.Equal("吉林市", g!["keys"]!["prefecture"]!["name"]!.ToString())); // Jiaohe is in Jilin prefecture

        var published = (await factory.QueryAsync(query))["persons"]!["groupedAggregates"]!.AsArray();
        Assert.Equal(exact.Count, published.Count);
        // The cell-key method moves a count by at most 2 (README, the statistics rule).
        foreach (var cell in published)
            Assert.InRange((long)cell!["count"]! - truth[cell["keys"]!["plannedExitYear"]!.ToString()], -2, 2);
    }

    [Fact]
    public async Task A_partner_organisation_sees_full_names_of_persons_in_its_villages_only()
    {
        var data = await factory.QueryAsync("""
            { persons(first: 500, where: { county: { name: { eq: "蛟河市" } } }, order: [{ village: { name: ASC } }]) { nodes { name village { id } } } }
            """, token: Tokens.Ngo());
        var nodes = data["persons"]!["nodes"]!.AsArray();
        var partner = (await factory.QueryAsync("{ me { partnerVillageIds } }", token: Tokens.Ngo()))["me"]!["partnerVillageIds"]!.AsArray()
            .Select(v => v!.ToString()).ToHashSet();
        Assert.NotEmpty(partner);
        foreach (var node in nodes)
        {
            var inPartnerVillage = partner.Contains(node!["village"]!["id"]!.ToString());
            Assert.Equal(!inPartnerVillage, node["name"]!.ToString().EndsWith('*'));
        }
    }
}
