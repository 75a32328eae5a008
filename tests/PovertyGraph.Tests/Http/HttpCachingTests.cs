using System.Text.Json;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Execution;
using static PovertyGraph.Tests.Http.GraphQLGet;

namespace PovertyGraph.Tests.Http;

/// <summary>
/// HTTP caching: a GET without a token whose answer holds no household or person row is public with a strong ETag, and
/// a matching If-None-Match is answered 304 before anything runs; everything else is no-store.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HttpCachingTests(PovertyGraphFactory factory)
{
    private const string Counties = "{ counties(first: 3, order: [{ name: ASC }]) { nodes { name } } }";
    private const string HouseholdRows = "{ households(first: 2) { nodes { memberCount type } } }";

    private static Dictionary<string, string?> Query(string query, string? variables = null) => new() { ["query"] = query, ["variables"] = variables };

    private static void AssertPublic(HttpResponseMessage response)
    {
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        var tag = response.Headers.ETag!;
        Assert.False(tag.IsWeak);
        Assert.Matches("^\"[A-Za-z0-9_-]{43}\"$", tag.Tag);
        AssertVary(response);
    }

    private static void AssertNoStore(HttpResponseMessage response)
    {
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Null(response.Headers.ETag);
        AssertVary(response);
    }

    private static void AssertVary(HttpResponseMessage response)
    {
        var vary = response.Headers.Vary.ToList();
        Assert.Contains("Accept", vary);
        Assert.Contains("Authorization", vary);
        Assert.Contains("GraphQL-Cost", vary);
    }

    [Fact]
    public async Task A_public_GET_is_cacheable_and_If_None_Match_answers_304_without_running_it()
    {
        using var client = factory.CreateClient();
        var (status, first, body) = await SendAsync(client, Get(Query(Counties)));
        Assert.Equal(200, status);
        Assert.Equal(3, body!["data"]!["counties"]!["nodes"]!.AsArray().Count);
        AssertPublic(first);
        var tag = first.Headers.ETag!.Tag;

        var cache = factory.Services.GetServices<IConfigureExecution>().OfType<DocumentCache>().Single();
        var executed = 0;
        void Executed() => Interlocked.Increment(ref executed);
        cache.Hit += Executed; // the document is cached: any execution of it now passes here
        try
        {
            var (notModified, response, empty) = await SendAsync(client, Get(Query(Counties), ifNoneMatch: tag.ToString()));
            Assert.Equal(304, notModified);
            Assert.Null(empty);
            Assert.Equal(tag, response.Headers.ETag!.Tag);
            Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
            Assert.Equal(0, executed);

            var (other, again, _) = await SendAsync(client, Get(Query(Counties), ifNoneMatch: "\"another-tag\""));
            Assert.Equal(200, other);
            Assert.Equal(tag, again.Headers.ETag!.Tag); // same request, same data: the same tag
            Assert.Equal(1, executed);
        }
        finally
        {
            cache.Hit -= Executed;
        }
    }

    [Fact]
    public async Task The_tag_depends_on_the_document_the_variables_the_media_type_and_the_cost_header()
    {
        using var client = factory.CreateClient();
        async Task<string> Tag(HttpRequestMessage request)
        {
            var (status, response, _) = await SendAsync(client, request);
            Assert.Equal(200, status);
            AssertPublic(response);
            return response.Headers.ETag!.Tag.ToString();
        }
        const string paged = "query($n: Int) { counties(first: $n) { nodes { name } } }";
        var tags = new[]
        {
            await Tag(Get(Query(paged, JsonSerializer.Serialize(new { n = 1 })))),
            await Tag(Get(Query(paged, JsonSerializer.Serialize(new { n = 2 })))),
            await Tag(Get(Query(paged + " ", JsonSerializer.Serialize(new { n = 1 })))),
            await Tag(Get(Query(paged, JsonSerializer.Serialize(new { n = 1 })), accept: "application/json")),
            await Tag(WithCostHeader(Get(Query(paged, JsonSerializer.Serialize(new { n = 1 }))))),
        };
        Assert.Equal(tags.Length, tags.Distinct().Count());
        Assert.Equal(tags[0], await Tag(Get(Query(paged, JsonSerializer.Serialize(new { n = 1 })))));
    }

    private static HttpRequestMessage WithCostHeader(HttpRequestMessage request)
    {
        request.Headers.Add("GraphQL-Cost", "report");
        return request;
    }

    [Fact]
    public async Task An_answer_with_household_or_person_rows_is_never_public()
    {
        using var client = factory.CreateClient();
        var (status, response, body) = await SendAsync(client, Get(Query(HouseholdRows)));
        Assert.Equal(200, status);
        Assert.Equal(2, body!["data"]!["households"]!["nodes"]!.AsArray().Count);
        AssertNoStore(response);

        // Aggregates over them are statistics: public.
        var (_, statistics, _) = await SendAsync(client, Get(Query("{ households { aggregates { count } } }")));
        AssertPublic(statistics);
    }

    public static TheoryData<Role> TokenRoles => new(Role.Researcher, Role.Ngo, Role.Official, Role.Admin);

    [Theory]
    [MemberData(nameof(TokenRoles))]
    public async Task An_answer_for_a_token_holder_is_never_stored_nor_answered_304(Role role)
    {
        using var client = factory.CreateClient();
        var (_, anonymous, _) = await SendAsync(client, Get(Query(Counties)));
        AssertPublic(anonymous);
        var token = role == Role.Ngo ? Tokens.Ngo() : Tokens.For(role);
        var (status, response, body) = await SendAsync(client, Get(Query(Counties), token: token, ifNoneMatch: anonymous.Headers.ETag!.Tag.ToString()));
        Assert.Equal(200, status);
        Assert.Equal(3, body!["data"]!["counties"]!["nodes"]!.AsArray().Count);
        AssertNoStore(response);
    }

    [Fact]
    public async Task POST_answers_and_answers_with_errors_are_not_stored()
    {
        using var client = factory.CreateClient();
        var (_, posted, _) = await SendAsync(client, Post(new { query = Counties }));
        AssertNoStore(posted);
        var (status, failed, body) = await SendAsync(client, Get(Query("{ households(where: { primaryCause: { eq: ILLNESS } }) { totalCount } }")));
        Assert.Equal(200, status);
        Assert.NotNull(body!["errors"]);
        AssertNoStore(failed);
    }
}
