using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;

namespace PovertyGraph.Tests.Api;

/// <summary>
/// Nested pages of a root page's rows are fetched in the root's statement, as JSON columns: one statement, the same
/// rows as the batched path, and the same masking and partner scope, computed in SQL.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InlinePagesTests(PovertyGraphFactory factory)
{
    private const string Members = "members(order: [{relationship: ASC}], first: 4) { totalCount pageInfo { hasNextPage } nodes { id name gender birthDate relationship } }";

    [Fact]
    public async Task A_page_of_households_with_their_members_is_one_statement_and_equals_the_batched_path()
    {
        var log = factory.Services.GetRequiredService<SqlCommandLog>();
        JsonNode root;
        IReadOnlyList<string> statements;
        using (var recording = log.Record())
        {
            root = await factory.QueryAsync($"{{ households(first: 60, order: [{{memberCount: DESC}}]) {{ nodes {{ id {Members} }} }} }}", null, Tokens.Official);
            statements = recording.Commands.Where(c => !c.StartsWith("INSERT", StringComparison.Ordinal)).ToList();
        }
        var statement = Assert.Single(statements);
        Assert.Contains("FROM \"Persons\"", statement);
        // The same households below a village, where their members are batched per level instead.
        var batched = await factory.QueryAsync(
            $"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on Household {{ id {Members} }} }} }}",
            new { ids = root["households"]!["nodes"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList() }, Tokens.Official);
        var households = root["households"]!["nodes"]!.AsArray();
        Assert.Equal(60, households.Count);
        Assert.Contains(households, h => h!["members"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(households.ToJsonString(), batched["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task Nested_pages_in_the_parents_statement_keep_each_villages_partner_scope()
    {
        var truth = await Attacks.AttackTruth.TruthAsync(new Attacks.AttackServer(factory));
        var data = await factory.QueryAsync("""
            query($ids: [ID!]!) { villages(where: {id: {in: $ids}}) { nodes { id households(first: 500) { nodes { id headName headIdNumber phone } } } } }
            """, new { ids = new[] { truth.Partner.Id, truth.Big.Id } }, Tokens.Ngo());
        var villages = data["villages"]!["nodes"]!.AsArray().ToDictionary(v => v!["id"]!.GetValue<string>(), v => v!["households"]!["nodes"]!.AsArray());
        var partner = villages[truth.Partner.Id];
        var other = villages[truth.Big.Id];
        Assert.Equal(truth.Partner.Households.Count, partner.Count);
        Assert.Equal(truth.Big.Households.Count, other.Count);
        var names = truth.Partner.Households.ToDictionary(h => h.Id, h => h.HeadName);
        Assert.All(partner, h =>
        {
            Assert.Equal(names[h!["id"]!.GetValue<string>()], h["headName"]!.GetValue<string>()); // full in a partner village
            Assert.Contains("********", h["headIdNumber"]!.GetValue<string>()); // an ID number is masked even there
        });
        Assert.All(other, h =>
        {
            Assert.EndsWith("*", h!["headName"]!.GetValue<string>()); // masked elsewhere, as for PUBLIC
            Assert.Null(h["headIdNumber"]);
            Assert.Null(h["phone"]);
        });
    }
}
