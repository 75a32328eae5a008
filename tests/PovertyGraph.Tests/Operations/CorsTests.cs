using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using PovertyGraph.Server.Hosting;

namespace PovertyGraph.Tests.Operations;

/// <summary>Cross-origin access from the origins in <c>Cors:AllowedOrigins</c>, and from none by default.</summary>
[Collection(ApiCollection.Name)]
public sealed class CorsTests(PovertyGraphFactory shared) : IAsyncLifetime
{
    private const string Allowed = "https://maps.example.org";
    private const string Other = "https://elsewhere.example.net";
    private OperationsFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new OperationsFactory("cors", new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = Allowed,
            ["Cors:AllowedOrigins:1"] = "http://localhost:3000",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_allowed_with_the_methods_and_headers_asked_for()
    {
        using var response = await PreflightAsync(_factory, Allowed);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"));
        var headers = Header(response, "Access-Control-Allow-Headers")!.ToLowerInvariant();
        Assert.Contains("authorization", headers);
        Assert.Contains("content-type", headers);
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_permission()
    {
        using var response = await PreflightAsync(_factory, Other);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Answers_to_an_allowed_origin_expose_the_request_id_even_when_the_token_is_refused()
    {
        using var client = _factory.CreateClient();
        foreach (var token in new[] { null, "not-a-token" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Origin", Allowed);
            if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            using var response = await client.SendAsync(request);
            Assert.Equal(token is null ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
            Assert.Contains("X-Request-Id", Header(response, "Access-Control-Expose-Headers"));
        }
    }

    [Fact]
    public async Task Without_configured_origins_no_origin_is_allowed()
    {
        using var response = await PreflightAsync(shared, Allowed);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://maps.example.org/")]
    [InlineData("https://maps.example.org/app")]
    [InlineData("maps.example.org")]
    [InlineData("ftp://maps.example.org")]
    public void A_configured_value_that_is_not_an_origin_stops_the_server_with_the_reason(string origin)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = origin }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => CrossOriginOptions.From(configuration));
        Assert.Contains($"'{origin}' is not an origin", error.Message);
    }

    [Fact]
    public void Origins_can_be_one_comma_separated_value()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins"] = "https://a.example, http://localhost:3000" }).Build();
        Assert.Equal(["https://a.example", "http://localhost:3000"], CrossOriginOptions.From(configuration).AllowedOrigins);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(PovertyGraphFactory factory, string origin)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return await client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
