using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;

namespace PovertyGraph.Tests.Api;

/// <summary>No N+1: a deep query runs the same number of SQL statements whatever its page size.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatementCountTests(PovertyGraphFactory factory)
{
    private const string Deep = """
        query($n: Int!) {
          villages(first: $n, where: {county: {name: {eq: "蛟河市"}}}, order: [{name: ASC}]) {
            totalCount
            nodes {
              name county { name prefecture { name province { name } } } township { name }
              households(first: 5, order: [{memberCount: DESC}]) {
                totalCount
                aggregates { count sum { memberCount } }
                nodes { memberCount village { name } members(first: 3) { nodes { gender relationship } } }
              }
              projects { nodes { name budget allocations { nodes { amount source { name } } } } }
            }
          }
        }
        """;

    private async Task<(long Statements, int Villages)> Run(int pageSize)
    {
        var log = factory.Services.GetRequiredService<SqlCommandLog>();
        var before = log.Count;
        var data = await factory.QueryAsync(Deep, new { n = pageSize });
        return (log.Count - before, data["villages"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Deep_query_statement_count_does_not_grow_with_page_size()
    {
        await Run(3); // warm-up: first-use queries of the pooled factory
        var (small, smallRows) = await Run(10);
        var (large, largeRows) = await Run(100);
        Assert.Equal(10, smallRows);
        Assert.Equal(100, largeRows);
        Assert.Equal(small, large);
        // One statement per level and part: villages (with their county, prefecture, province and township joined, the
        // total counted, and their households and projects pages as JSON columns), household count, household
        // aggregates, household's village, members, allocations, sources.
        Assert.InRange(small, 5, 16);
    }
}
