using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Limits;

/// <summary>
/// Time limits stop the work, not just the wait: a deliberately slow statement (<see cref="SlowStatementHook"/>) is
/// interrupted at the caller's limit or when the caller goes away, and the server answers the next request normally.
/// Expensive operations queue among themselves while light ones flow. No assertion here is on time.
/// </summary>
[Collection(LimitsCollection.Name)]
public sealed class TimeLimitTests(LimitsFactory factory)
{
    /// <summary>A page whose statement the hook makes slow; it costs more than the factory's expensive threshold.</summary>
    private const string SlowQuery = $$"""{ villages(where: { name: { eq: "{{SlowStatementHook.Probe}}" } }) { nodes { name } } }""";

    private static HttpRequestMessage Post(string query, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Waits for the hook, for at most a generous bound (the statement left alone runs for minutes).</summary>
    private static async Task Await(SemaphoreSlim signal, string what) =>
        Assert.True(await signal.WaitAsync(TimeSpan.FromMinutes(2)), what);

    [Fact]
    public async Task A_slow_statement_is_stopped_at_the_time_limit_and_the_next_request_is_answered()
    {
        var (stopped, finished) = (factory.Hook.Stopped, factory.Hook.Finished);
        var (status, body) = await factory.PostAsync(SlowQuery); // PUBLIC: a limit of two seconds here
        await Await(factory.Hook.Ended, "the slow statement never ended");

        Assert.Equal(503, status);
        Assert.False(body.AsObject().ContainsKey("data"));
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("TIMEOUT", (string)error["extensions"]!["code"]!);
        Assert.Contains($"time limit of {LimitsFactory.PublicSeconds} s", (string)error["message"]!);
        Assert.Equal(LimitsFactory.PublicSeconds, (double)error["extensions"]!["timeLimitSeconds"]!);
        Assert.Equal(stopped + 1, factory.Hook.Stopped);  // interrupted inside SQLite,
        Assert.Equal(finished, factory.Hook.Finished);    // not run to its end

        var next = await factory.QueryAsync("{ villages(first: 3, order: [{ name: ASC }]) { nodes { name } } }");
        Assert.Equal(3, next["villages"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_caller_that_goes_away_stops_its_work()
    {
        var (stopped, finished) = (factory.Hook.Stopped, factory.Hook.Finished);
        using var client = factory.CreateClient();
        using var leaving = new CancellationTokenSource();
        var sent = client.SendAsync(Post(SlowQuery, Tokens.Official), leaving.Token); // OFFICIAL: a minute, so only leaving stops it
        await Await(factory.Hook.Started, "the slow statement never started");
        leaving.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);

        await Await(factory.Hook.Ended, "the server kept running the statement of a caller that had gone");
        Assert.Equal(stopped + 1, factory.Hook.Stopped);
        Assert.Equal(finished, factory.Hook.Finished);
        var next = await factory.QueryAsync("{ counties(first: 1) { nodes { name } } }", token: Tokens.Official);
        Assert.Single(next["counties"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Expensive_operations_queue_among_themselves_while_light_ones_flow()
    {
        using var client = factory.CreateClient();
        using var leaving = new CancellationTokenSource();
        var slow = client.SendAsync(Post(SlowQuery, Tokens.Official), leaving.Token); // expensive, and holds the one place
        await Await(factory.Hook.Started, "the slow statement never started");
        try
        {
            // Another expensive one: no place, and no queue in this configuration.
            using var refused = await client.SendAsync(Post("{ villages { nodes { name } } }", Tokens.Researcher));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
            var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
            Assert.Equal("RATE_LIMITED", (string)body["errors"]![0]!["extensions"]!["code"]!);
            Assert.False(body.AsObject().ContainsKey("data"));

            // A light one goes through while the expensive one still runs.
            var light = await factory.QueryAsync("{ counties(first: 1) { nodes { name } } }", token: Tokens.Researcher);
            Assert.Single(light["counties"]!["nodes"]!.AsArray());
            Assert.Equal(0, factory.Hook.Ended.CurrentCount);
        }
        finally
        {
            leaving.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow);
            await Await(factory.Hook.Ended, "the slow statement never ended");
        }
    }
}
