using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Tests.Auth;

/// <summary>Valid tokens become the right viewer (<c>me</c>); no token is PUBLIC.</summary>
[Collection(ApiCollection.Name)]
public class ViewerTests
{
    private const string MeQuery = "{ me { role subject organization partnerVillageIds } }";
    private readonly PovertyGraphFactory _factory;

    public ViewerTests(PovertyGraphFactory factory) => _factory = factory;

    [Fact]
    public async Task No_token_is_public()
    {
        var me = (await _factory.QueryAsync(MeQuery))["me"]!;
        Assert.Equal("PUBLIC", (string?)me["role"]);
        Assert.Null((string?)me["subject"]);
        Assert.Null((string?)me["organization"]);
        Assert.Empty(me["partnerVillageIds"]!.AsArray());
    }

    [Fact]
    public async Task Empty_authorization_header_is_public()
    {
        using var client = _factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ me { role } }"));
        request.Headers.TryAddWithoutValidation("Authorization", "");
        var response = await client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("PUBLIC", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["me"]!["role"]);
    }

    [Theory]
    [InlineData(Role.Researcher, "RESEARCHER")]
    [InlineData(Role.Official, "OFFICIAL")]
    [InlineData(Role.Admin, "ADMIN")]
    public async Task Role_token_is_that_role(Role role, string expected)
    {
        var subject = "alice-" + expected.ToLowerInvariant();
        var me = (await _factory.QueryAsync(MeQuery, token: Tokens.For(role, subject)))["me"]!;
        Assert.Equal(expected, (string?)me["role"]);
        Assert.Equal(subject, (string?)me["subject"]);
        Assert.Null((string?)me["organization"]);
        Assert.Empty(me["partnerVillageIds"]!.AsArray());
    }

    [Fact]
    public async Task Ngo_token_carries_its_organization_and_exactly_its_partner_villages()
    {
        var me = (await _factory.QueryAsync(MeQuery, token: Tokens.Ngo(Tokens.JiaoheNgo, "field-worker-7")))["me"]!;
        Assert.Equal("NGO", (string?)me["role"]);
        Assert.Equal("field-worker-7", (string?)me["subject"]);
        Assert.Equal(Tokens.JiaoheNgo, (string?)me["organization"]);

        var ids = me["partnerVillageIds"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Equal((await PartnerVillagesAsync(Tokens.JiaoheNgo)).Order().Select(id => GlobalId.Encode("Village", id)), ids);
    }

    [Theory]
    [InlineData("ngo-baicheng-water")]
    [InlineData("ngo-yanbian-edu")]
    public async Task Every_seed_organization_is_accepted(string organization)
    {
        // Twice: the second request is served from the organisation cache.
        for (var i = 0; i < 2; i++)
        {
            var me = (await _factory.QueryAsync(MeQuery, token: Tokens.Ngo(organization)))["me"]!;
            Assert.Equal("NGO", (string?)me["role"]);
            Assert.Equal(organization, (string?)me["organization"]);
            var expected = (await PartnerVillagesAsync(organization)).Order().Select(id => GlobalId.Encode("Village", id));
            Assert.Equal(expected, me["partnerVillageIds"]!.AsArray().Select(n => (string)n!));
        }
    }

    [Fact]
    public async Task Valid_token_works_over_get()
    {
        using var client = _factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ me { role subject } }"));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(Role.Researcher, "bob"));
        var response = await client.SendAsync(request);
        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["me"]!;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("RESEARCHER", (string?)me["role"]);
        Assert.Equal("bob", (string?)me["subject"]);
    }

    [Fact]
    public async Task Scheme_name_is_case_insensitive()
    {
        using var client = _factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ me { role } }"));
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + Tokens.Official);
        var response = await client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("OFFICIAL", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["me"]!["role"]);
    }

    [Fact]
    public async Task Org_claim_on_other_roles_is_ignored()
    {
        var token = Tokens.WithClaims(Tokens.Claims(Role.Official, organization: Tokens.JiaoheNgo));
        var me = (await _factory.QueryAsync(MeQuery, token: token))["me"]!;
        Assert.Equal("OFFICIAL", (string?)me["role"]);
        Assert.Null((string?)me["organization"]);
        Assert.Empty(me["partnerVillageIds"]!.AsArray());
    }

    [Fact]
    public async Task Expiry_within_the_clock_skew_is_tolerated()
    {
        var now = DateTime.UtcNow;
        var token = Tokens.WithClaims(Tokens.Claims(Role.Admin), notBefore: now.AddMinutes(-10), expires: now.AddSeconds(-5));
        var me = (await _factory.QueryAsync(MeQuery, token: token))["me"]!;
        Assert.Equal("ADMIN", (string?)me["role"]);
    }

    private async Task<List<int>> PartnerVillagesAsync(string organization)
    {
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.OrganizationVillages.Where(ov => ov.Organization!.Key == organization).Select(ov => ov.VillageId).ToListAsync();
    }
}
