using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.Tests.Infrastructure;

namespace PovertyGraph.Tests.Http;

/// <summary>Validated documents are reused; invalid ones are not cached, and variables are still checked every time.</summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentCacheTests(PovertyGraphFactory factory)
{
    private DocumentCache Cache => factory.Services.GetServices<IConfigureExecution>().OfType<DocumentCache>().Single();

    [Fact]
    public async Task A_valid_document_is_cached_once_and_answers_the_same()
    {
        var query = $"{{ counties(first: 3, order: [{{name: ASC}}]) {{ nodes {{ name }} }} __typename }} # {Guid.NewGuid()}";
        var first = await factory.QueryAsync(query);
        var cached = Cache.Count;
        var second = await factory.QueryAsync(query);
        Assert.Equal(cached, Cache.Count);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(3, second["counties"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_invalid_document_is_rejected_every_time_and_not_cached()
    {
        var query = $"{{ counties {{ noSuchField }} }} # {Guid.NewGuid()}";
        var before = Cache.Count;
        for (var i = 0; i < 2; i++)
        {
            var (_, body) = await factory.PostAsync(query);
            Assert.Contains("noSuchField", body["errors"]![0]!["message"]!.GetValue<string>());
            Assert.Null(body["data"]);
        }
        Assert.Equal(before, Cache.Count);
    }

    [Fact]
    public async Task Variables_of_a_cached_document_are_still_checked()
    {
        var query = $"query($n: Int!) {{ counties(first: $n) {{ nodes {{ name }} }} }} # {Guid.NewGuid()}";
        Assert.Equal(2, (await factory.QueryAsync(query, new { n = 2 }))["counties"]!["nodes"]!.AsArray().Count);
        var (_, bad) = await factory.PostAsync(query, new { n = "two" });
        Assert.Contains("$n", bad["errors"]![0]!["message"]!.GetValue<string>());
        var (_, tooBig) = await factory.PostAsync(query, new { n = 100_000 });
        Assert.Contains("maximum page size", tooBig["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_cache_is_bounded_by_the_length_of_its_queries()
    {
        var cache = new DocumentCache(new DocumentCacheOptions { MaxTotalLength = 200, MaxQueryLength = 100 });
        var document = GraphQLParser.Parser.Parse("{ __typename }");
        Task<ExecutionResult> Valid(ExecutionOptions o) => Task.FromResult(new ExecutionResult { Executed = true, Document = document });
        for (var i = 0; i < 50; i++)
            await cache.ExecuteAsync(new ExecutionOptions { Query = $"{{ __typename }} # query number {i:D4} padded to forty chars" }, Valid);
        Assert.InRange(cache.Count, 1, 200 / 40);
        await cache.ExecuteAsync(new ExecutionOptions { Query = "{ __typename } #" + new string('x', 200) }, Valid);
        Assert.InRange(cache.Count, 1, 200 / 40); // longer than MaxQueryLength: never cached
    }
}
