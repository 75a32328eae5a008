using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.Server.Auth;

namespace PovertyGraph.Tests.Auth;

/// <summary>
/// A token that is present but invalid is answered 401 with a Bearer invalid_token challenge and a GraphQL-shaped
/// error, over POST and GET: never served as PUBLIC, and nothing is executed.
/// </summary>
[Collection(ApiCollection.Name)]
public class InvalidTokenTests
{
    private const string MeQuery = "{ me { role subject organization partnerVillageIds } }";
    private readonly PovertyGraphFactory _factory;

    public InvalidTokenTests(PovertyGraphFactory factory) => _factory = factory;

    /// <summary>Each kind of bad Authorization header, and the phrase its 401 must name.</summary>
    private static (string Header, string Reason) Case(string kind) => kind switch
    {
        "bad signature" => ("Bearer " + Tokens.WrongKey(), TokenRejection.InvalidSignature),
        "tampered payload" => ("Bearer " + Tokens.Tampered(), TokenRejection.InvalidSignature),
        "expired" => ("Bearer " + Tokens.Expired(), TokenRejection.Expired),
        "not yet valid" => ("Bearer " + Tokens.NotYetValid(), TokenRejection.NotYetValid),
        "no expiry" => ("Bearer " + Tokens.WithoutExpiry(), TokenRejection.NoExpiration),
        "wrong issuer" => ("Bearer " + Tokens.WrongIssuer(), TokenRejection.WrongIssuer),
        "wrong audience" => ("Bearer " + Tokens.WrongAudience(), TokenRejection.WrongAudience),
        "alg none" => ("Bearer " + Tokens.NoneAlgorithm(), TokenRejection.Unsigned),
        "wrong algorithm" => ("Bearer " + Tokens.WrongAlgorithm(), TokenRejection.AlgorithmNotAccepted),
        "malformed" => ("Bearer " + Tokens.Malformed, TokenRejection.Malformed),
        "empty bearer" => ("Bearer", TokenRejection.MissingToken),
        "missing role" => ("Bearer " + Tokens.WithClaims(new Dictionary<string, object> { ["sub"] = "tests" }), "missing role claim"),
        "unknown role" => ("Bearer " + Tokens.WithClaims(new Dictionary<string, object> { ["sub"] = "tests", ["role"] = "superuser" }), "unknown role"),
        "upper-case role" => ("Bearer " + Tokens.WithClaims(new Dictionary<string, object> { ["sub"] = "tests", ["role"] = "OFFICIAL" }), "unknown role"),
        "public role" => ("Bearer " + Tokens.WithClaims(new Dictionary<string, object> { ["sub"] = "tests", ["role"] = "public" }), "unknown role"),
        "two roles" => ("Bearer " + Tokens.WithClaims(new Dictionary<string, object> { ["sub"] = "tests", ["role"] = new[] { "researcher", "admin" } }), "more than one role claim"),
        "missing sub" => ("Bearer " + Tokens.WithClaims(new Dictionary<string, object> { ["role"] = "official" }), "missing sub claim"),
        "ngo without org" => ("Bearer " + Tokens.WithClaims(Tokens.Claims(Role.Ngo)), "ngo token without org claim"),
        "ngo with unknown org" => ("Bearer " + Tokens.WithClaims(Tokens.Claims(Role.Ngo, organization: "ngo-does-not-exist")), "unknown organization"),
        "basic scheme" => ("Basic " + Convert.ToBase64String("admin:admin"u8.ToArray()), TokenRejection.NotBearer),
        "token without scheme" => (Tokens.Official, TokenRejection.NotBearer),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static TheoryData<string> Kinds => new()
    {
        "bad signature", "tampered payload", "expired", "not yet valid", "no expiry", "wrong issuer", "wrong audience",
        "alg none", "wrong algorithm", "malformed", "empty bearer", "missing role", "unknown role", "upper-case role",
        "public role", "two roles", "missing sub", "ngo without org", "ngo with unknown org", "basic scheme", "token without scheme",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Post_with_invalid_token_is_401(string kind)
    {
        var (header, reason) = Case(kind);
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ me { role subject organization partnerVillageIds } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        await AssertRejectedAsync(request, reason);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Get_with_invalid_token_is_401(string kind)
    {
        var (header, reason) = Case(kind);
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(MeQuery));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        await AssertRejectedAsync(request, reason);
    }

    [Fact]
    public async Task Invalid_token_is_refused_on_other_routes_too()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Expired());
        await AssertRejectedAsync(request, TokenRejection.Expired);
    }

    [Fact]
    public async Task Two_authorization_headers_are_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(MeQuery));
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + Tokens.Official, "Bearer " + Tokens.Admin]);
        await AssertRejectedAsync(request, TokenRejection.SeveralHeaders);
    }

    [Fact]
    public async Task Mutation_with_invalid_token_is_not_executed()
    {
        // Whatever the operation, the request is refused before the GraphQL layer sees it.
        var (status, body) = await _factory.PostAsync("mutation { __typename }", token: Tokens.Expired(Role.Admin));
        Assert.Equal(401, status);
        Assert.Null(body["data"]);
        Assert.Equal("INVALID_TOKEN", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Rejection_does_not_echo_the_token_or_validator_internals()
    {
        var token = Tokens.WrongKey();
        using var client = _factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(MeQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(token.Split('.')[1], text);
        Assert.DoesNotContain("IDX", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("IDX", string.Join(",", response.Headers.WwwAuthenticate));
    }

    private async Task AssertRejectedAsync(HttpRequestMessage request, string reason)
    {
        using var client = _factory.CreateClient();
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"expected 401, got {(int)response.StatusCode}: {text}");
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.StartsWith("error=\"invalid_token\"", challenge.Parameter);
        Assert.Contains($"error_description=\"{reason}", challenge.Parameter);

        var contentType = response.Content.Headers.ContentType!;
        Assert.Equal("application/json", contentType.MediaType);
        Assert.Equal("utf-8", contentType.CharSet);

        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["errors"], body.Select(p => p.Key));
        Assert.False(body.ContainsKey("data"), "a rejected request must not carry data");
        var error = Assert.Single(body["errors"]!.AsArray())!.AsObject();
        Assert.Equal("INVALID_TOKEN", (string?)error["extensions"]!["code"]);
        var message = (string?)error["message"];
        Assert.NotNull(message);
        Assert.Contains(reason, message);
        Assert.DoesNotContain("PUBLIC", text);
    }
}
