using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.Server.Auth;

namespace PovertyGraph.Tests.Auth;

/// <summary>
/// A validated token is remembered by its exact text until it expires (plus the clock skew) and for at most
/// <c>Auth:TokenCacheSeconds</c>; anything else is validated in full, and a rejected token is never remembered.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ClaimsPrincipal Principal(string subject) =>
        new(new ClaimsIdentity([new Claim("sub", subject), new Claim("role", "official")], "Bearer"));

    private static (ValidatedTokenCache Cache, Clock Clock) Create(int seconds = 60, int skew = 30)
    {
        var clock = new Clock(Start);
        return (new ValidatedTokenCache(new AuthOptions { TokenCacheSeconds = seconds, ClockSkewSeconds = skew }, clock), clock);
    }

    [Fact]
    public void A_cached_token_gives_a_copy_of_its_principal_each_time()
    {
        var (cache, _) = Create();
        var hits = 0;
        cache.Hit += () => hits++;
        var original = Principal("alice");
        cache.Add("token-a", original, Start.AddHours(1).UtcDateTime);

        var first = cache.Find("token-a");
        var second = cache.Find("token-a");
        Assert.NotNull(first);
        Assert.NotSame(original, first);
        Assert.NotSame(first, second);
        Assert.Equal("alice", first!.FindFirst("sub")!.Value);
        Assert.Equal("official", second!.FindFirst("role")!.Value);
        Assert.Equal(2, hits);

        // A change a request makes to its copy reaches neither the cache nor the next request.
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim("role", "admin"));
        Assert.Single(cache.Find("token-a")!.FindAll("role"));
    }

    [Fact]
    public void Only_the_exact_token_text_is_found()
    {
        var (cache, _) = Create();
        cache.Add("header.payload.signature", Principal("alice"), Start.AddHours(1).UtcDateTime);
        Assert.Null(cache.Find("header.payload.signaturf"));
        Assert.Null(cache.Find("header.payload.signature "));
        Assert.Null(cache.Find("HEADER.payload.signature"));
        Assert.NotNull(cache.Find("header.payload.signature"));
    }

    [Fact]
    public void An_entry_lasts_at_most_the_configured_seconds()
    {
        var (cache, clock) = Create(seconds: 60);
        cache.Add("t", Principal("alice"), Start.AddHours(1).UtcDateTime);
        clock.Now = Start.AddSeconds(59);
        Assert.NotNull(cache.Find("t"));
        clock.Now = Start.AddSeconds(60);
        Assert.Null(cache.Find("t"));
        Assert.Equal(0, cache.Count); // dropped when found stale
    }

    [Fact]
    public void An_entry_ends_when_its_token_expires_plus_the_clock_skew()
    {
        // The validator accepts a token until exp + skew; the cache never serves it longer than that.
        var (cache, clock) = Create(seconds: 600, skew: 30);
        cache.Add("t", Principal("alice"), Start.AddSeconds(10).UtcDateTime);
        clock.Now = Start.AddSeconds(39);
        Assert.NotNull(cache.Find("t"));
        clock.Now = Start.AddSeconds(40);
        Assert.Null(cache.Find("t"));
    }

    [Fact]
    public void A_token_already_past_its_time_is_not_added()
    {
        var (cache, _) = Create(skew: 0);
        cache.Add("t", Principal("alice"), Start.AddSeconds(-1).UtcDateTime);
        cache.Add("u", Principal("bob"), DateTime.MinValue); // no expiry known
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Zero_seconds_turns_the_cache_off()
    {
        var (cache, _) = Create(seconds: 0);
        cache.Add("t", Principal("alice"), Start.AddHours(1).UtcDateTime);
        Assert.Null(cache.Find("t"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void The_cache_is_bounded()
    {
        var (cache, _) = Create();
        for (var i = 0; i <= ValidatedTokenCache.Capacity; i++)
            cache.Add("token-" + i, Principal("p" + i), Start.AddHours(1).UtcDateTime);
        Assert.InRange(cache.Count, 1, ValidatedTokenCache.Capacity);
        Assert.NotNull(cache.Find("token-" + ValidatedTokenCache.Capacity)); // the newest is kept
    }
}

/// <summary>The cache in the real pipeline: a repeated token is served from it, as the same viewer; bad tokens never are.</summary>
[Collection(ApiCollection.Name)]
public sealed class ValidatedTokenCachePipelineTests(PovertyGraphFactory factory)
{
    private const string MeQuery = "{ me { role subject organization } }";

    private ValidatedTokenCache Cache => factory.Services.GetRequiredService<ValidatedTokenCache>();

    [Fact]
    public async Task A_repeated_token_is_served_from_the_cache_as_the_same_viewer()
    {
        var token = Tokens.For(Role.Researcher, subject: "cache-" + Guid.NewGuid().ToString("N"));
        var first = (await factory.QueryAsync(MeQuery, token: token))["me"]!;
        var hits = 0;
        void Count() => Interlocked.Increment(ref hits);
        Cache.Hit += Count;
        System.Text.Json.Nodes.JsonNode second;
        try { second = (await factory.QueryAsync(MeQuery, token: token))["me"]!; }
        finally { Cache.Hit -= Count; }
        Assert.True(hits > 0, "the second request did not come from the cache");
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal("RESEARCHER", (string?)second["role"]);
    }

    [Fact]
    public async Task A_token_altered_after_its_original_was_cached_is_refused()
    {
        var token = Tokens.For(Role.Official, subject: "cache-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(200, (await factory.PostAsync(MeQuery, token: token)).Status);
        Assert.NotNull(Cache.Find(token));
        // Same header and payload, one signature character changed: not the cached text, so validated, and refused.
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var (status, body) = await factory.PostAsync(MeQuery, token: altered);
        Assert.Equal(401, status);
        Assert.Equal("INVALID_TOKEN", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(Cache.Find(altered));
    }

    [Fact]
    public async Task Rejected_tokens_are_never_cached_and_stay_rejected()
    {
        foreach (var token in new[] { Tokens.Expired(), Tokens.WrongKey(), Tokens.Tampered() })
        {
            Assert.Equal(401, (await factory.PostAsync(MeQuery, token: token)).Status);
            Assert.Null(Cache.Find(token));
            Assert.Equal(401, (await factory.PostAsync(MeQuery, token: token)).Status);
        }
    }

    [Fact]
    public async Task A_cached_token_whose_claims_name_no_viewer_is_still_refused()
    {
        // Valid signature (so cached), unknown organization: the viewer check runs on every request, cached or not.
        var token = Tokens.WithClaims(Tokens.Claims(Role.Ngo, organization: "ngo-does-not-exist"));
        Assert.Equal(401, (await factory.PostAsync(MeQuery, token: token)).Status);
        Assert.NotNull(Cache.Find(token));
        Assert.Equal(401, (await factory.PostAsync(MeQuery, token: token)).Status);
    }
}
