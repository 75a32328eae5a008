using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.Tests.Http;

/// <summary>Validated documents are reused; invalid ones are not cached, and variables are still checked every time.</summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentCacheTests(PovertyGraphFactory factory)
{
    private DocumentCache Cache => factory.Services.GetServices<IConfigureExecution>().OfType<DocumentCache>().Single();

    /// <summary>Runs <paramref name="act"/> and counts the requests served from the cache meanwhile.</summary>
    private async Task<int> CountHitsAsync(Func<Task> act)
    {
        var hits = 0;
        void Count() => Interlocked.Increment(ref hits);
        Cache.Hit += Count;
        try { await act(); }
        finally { Cache.Hit -= Count; }
        return hits;
    }

    [Fact]
    public async Task A_valid_document_is_cached_once_and_answers_the_same()
    {
        var query = $"{{ counties(first: 3, order: [{{name: ASC}}]) {{ nodes {{ name }} }} __typename }} # {Guid.NewGuid()}";
        System.Text.Json.Nodes.JsonNode? first = null, second = null, third = null;
        Assert.Equal(0, await CountHitsAsync(async () => first = await factory.QueryAsync(query)));  // parsed, validated, kept
        Assert.Equal(1, await CountHitsAsync(async () => second = await factory.QueryAsync(query))); // from the cache
        Assert.Equal(1, await CountHitsAsync(async () => third = await factory.QueryAsync(query)));  // still there
        Assert.Equal(first!.ToJsonString(), second!.ToJsonString());
        Assert.Equal(first.ToJsonString(), third!.ToJsonString());
        Assert.Equal(3, second["counties"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_invalid_document_is_rejected_every_time_and_not_cached()
    {
        var query = $"{{ counties {{ noSuchField }} }} # {Guid.NewGuid()}";
        var hits = await CountHitsAsync(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var (_, body) = await factory.PostAsync(query);
                Assert.Contains("noSuchField", body["errors"]![0]!["message"]!.GetValue<string>());
                Assert.Null(body["data"]);
            }
        });
        Assert.Equal(0, hits);
    }

    [Fact]
    public async Task Variables_of_a_cached_document_are_still_checked()
    {
        var query = $"query($n: Int!) {{ counties(first: $n) {{ nodes {{ name }} }} }} # {Guid.NewGuid()}";
        Assert.Equal(2, (await factory.QueryAsync(query, new { n = 2 }))["counties"]!["nodes"]!.AsArray().Count);
        var hits = await CountHitsAsync(async () =>
        {
            var (_, bad) = await factory.PostAsync(query, new { n = "two" });
            Assert.Contains("$n", bad["errors"]![0]!["message"]!.GetValue<string>());
            var (_, tooBig) = await factory.PostAsync(query, new { n = 100_000 });
            Assert.Contains("maximum page size", tooBig["errors"]![0]!["message"]!.GetValue<string>());
        });
        Assert.Equal(2, hits); // both came from the cache, and were still refused
    }

    [Fact]
    public async Task The_cache_is_bounded_and_keeps_what_is_used()
    {
        var cache = new DocumentCache(new DocumentCacheOptions { Capacity = 10, MaxQueryLength = 100 });
        var document = GraphQLParser.Parser.Parse("{ __typename }");
        var hits = 0;
        cache.Hit += () => hits++;
        Task<ExecutionResult> Valid(ExecutionOptions o) => Task.FromResult(new ExecutionResult { Executed = true, Document = document });
        Task Send(string query) => cache.ExecuteAsync(new ExecutionOptions { Query = query }, Valid);

        const string favourite = "{ __typename } # the one asked for all the time";
        for (var i = 0; i < 100; i++)
        {
            await Send(favourite);
            await Send($"{{ __typename }} # one-off query number {i:D4}");
        }
        Assert.InRange(cache.Count, 1, 10);
        Assert.Equal(99, hits); // the favourite, every time after the first, though a hundred others came through
        await Send("{ __typename } #" + new string('x', 200));
        await Send("{ __typename } #" + new string('x', 200));
        Assert.Equal(99, hits); // longer than MaxQueryLength: never cached
    }
}
