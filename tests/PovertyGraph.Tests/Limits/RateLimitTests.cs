using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Tests.Limits;

/// <summary>Rate limits per caller: the client address without a token, the subject with one; 429 with Retry-After and a GraphQL error.</summary>
public sealed class RateLimitTests(RateLimitFactory factory) : IClassFixture<RateLimitFactory>
{
    /// <summary>One POST from <paramref name="address"/>, through the test server with the connection's address set.</summary>
    private async Task<HttpContext> SendAsync(string address, string? token = null, string accept = "application/graphql-response+json")
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = "{ counties(first: 1) { nodes { name } } }" });
        return await factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/graphql";
            context.Request.ContentType = "application/json";
            context.Request.Headers.Accept = accept;
            if (token != null) context.Request.Headers.Authorization = "Bearer " + token;
            context.Request.Body = new MemoryStream(body);
        });
    }

    private static JsonNode Body(HttpContext context) => JsonNode.Parse(new StreamReader(context.Response.Body, Encoding.UTF8).ReadToEnd())!;

    private static void AssertLimited(HttpContext context, string mediaType)
    {
        Assert.Equal(429, context.Response.StatusCode);
        Assert.True(int.Parse(context.Response.Headers.RetryAfter.ToString()) >= 1);
        Assert.StartsWith(mediaType, context.Response.ContentType);
        var body = Body(context);
        Assert.False(body.AsObject().ContainsKey("data"));
        Assert.Equal("RATE_LIMITED", (string)body["errors"]![0]!["extensions"]!["code"]!);
        Assert.Contains("try again in", (string)body["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task An_address_over_its_rate_gets_429_with_Retry_After_and_others_do_not()
    {
        for (var i = 0; i < RateLimitFactory.Burst; i++)
            Assert.Equal(200, (await SendAsync("192.0.2.1")).Response.StatusCode);
        AssertLimited(await SendAsync("192.0.2.1"), "application/graphql-response+json");
        AssertLimited(await SendAsync("192.0.2.1", accept: "application/json"), "application/json");

        var other = await SendAsync("192.0.2.2");
        Assert.Equal(200, other.Response.StatusCode);
        Assert.Single(Body(other)["data"]!["counties"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_token_holder_is_limited_by_its_subject_not_its_address()
    {
        var alice = Tokens.For(Role.Researcher, subject: "rate-alice");
        var bob = Tokens.For(Role.Researcher, subject: "rate-bob");
        for (var i = 0; i < RateLimitFactory.Burst; i++)
            Assert.Equal(200, (await SendAsync("192.0.2.10", alice)).Response.StatusCode);
        AssertLimited(await SendAsync("192.0.2.11", alice), "application/graphql-response+json"); // another address, same subject
        Assert.Equal(200, (await SendAsync("192.0.2.10", bob)).Response.StatusCode);           // same address, another subject
        Assert.Equal(200, (await SendAsync("192.0.2.10")).Response.StatusCode);                // and the address without a token
    }
}
