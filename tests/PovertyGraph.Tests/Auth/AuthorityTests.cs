using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.Server.Auth;

namespace PovertyGraph.Tests.Auth;

/// <summary>
/// The server configured with an OIDC authority (production): keys and issuer come from the authority's discovery
/// document and JWKS, served here by a fake authority on the JwtBearer back channel. Development tokens are refused.
/// </summary>
public class AuthorityTests : IClassFixture<AuthorityTests.AuthorityFactory>
{
    public const string AuthorityUrl = "https://login.example.test/realms/povertygraph";

    private readonly AuthorityFactory _factory;

    public AuthorityTests(AuthorityFactory factory) => _factory = factory;

    [Fact]
    public async Task Token_from_the_authority_is_accepted()
    {
        var token = _factory.Authority.Issue(Tokens.Claims(Role.Official, "oidc-user"));
        var me = (await _factory.QueryAsync("{ me { role subject } }", token: token))["me"]!;
        Assert.Equal("OFFICIAL", (string?)me["role"]);
        Assert.Equal("oidc-user", (string?)me["subject"]);
    }

    [Fact]
    public async Task Ngo_token_from_the_authority_is_checked_against_organizations()
    {
        var me = (await _factory.QueryAsync("{ me { role organization partnerVillageIds } }",
            token: _factory.Authority.Issue(Tokens.Claims(Role.Ngo, organization: Tokens.JiaoheNgo))))["me"]!;
        Assert.Equal("NGO", (string?)me["role"]);
        Assert.Equal(5, me["partnerVillageIds"]!.AsArray().Count);

        var (status, body) = await _factory.PostAsync("{ me { role } }", token: _factory.Authority.Issue(Tokens.Claims(Role.Ngo, organization: "nope")));
        Assert.Equal(401, status);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Development_token_is_refused()
    {
        // Signed with the development key, even with the authority's issuer: not accepted once an authority is set.
        foreach (var token in new[] { Tokens.Official, Tokens.WithClaims(Tokens.Claims(Role.Admin), issuer: AuthorityUrl) })
        {
            var (status, body) = await _factory.PostAsync("{ me { role } }", token: token);
            Assert.Equal(401, status);
            Assert.Null(body["data"]);
            Assert.Equal("INVALID_TOKEN", (string?)body["errors"]![0]!["extensions"]!["code"]);
        }
    }

    [Fact]
    public async Task Authority_token_for_another_audience_is_refused()
    {
        var (status, body) = await _factory.PostAsync("{ me { role } }", token: _factory.Authority.Issue(Tokens.Claims(), audience: "another-api"));
        Assert.Equal(401, status);
        Assert.Contains(TokenRejection.WrongAudience, (string?)body["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task Token_signed_by_another_rsa_key_is_refused()
    {
        using var other = new FakeAuthority(AuthorityUrl);
        var (status, body) = await _factory.PostAsync("{ me { role } }", token: other.Issue(Tokens.Claims()));
        Assert.Equal(401, status);
        Assert.Contains(TokenRejection.InvalidSignature, (string?)body["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task Expired_authority_token_is_refused()
    {
        var (status, body) = await _factory.PostAsync("{ me { role } }",
            token: _factory.Authority.Issue(Tokens.Claims(), expires: DateTime.UtcNow.AddMinutes(-5)));
        Assert.Equal(401, status);
        Assert.Contains(TokenRejection.Expired, (string?)body["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task No_token_is_still_public()
    {
        var me = (await _factory.QueryAsync("{ me { role } }"))["me"]!;
        Assert.Equal("PUBLIC", (string?)me["role"]);
    }

    public sealed class AuthorityFactory : PovertyGraphFactory
    {
        public FakeAuthority Authority { get; } = new(AuthorityUrl);

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Auth:Authority"] = AuthorityUrl;
                return settings;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = Authority));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) Authority.Dispose();
        }
    }

    /// <summary>An OIDC authority in memory: discovery document, JWKS with one RSA key, and RS256 tokens.</summary>
    public sealed class FakeAuthority : HttpMessageHandler
    {
        private readonly string _issuer;
        private readonly RSA _rsa = RSA.Create(2048);
        private readonly RsaSecurityKey _key;

        public FakeAuthority(string issuer)
        {
            _issuer = issuer;
            _key = new RsaSecurityKey(_rsa) { KeyId = Guid.NewGuid().ToString("N") };
        }

        public string Issue(IDictionary<string, object> claims, string audience = AuthOptions.DefaultAudience, DateTime? expires = null)
        {
            var now = DateTime.UtcNow;
            return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object>(claims),
                Issuer = _issuer,
                Audience = audience,
                IssuedAt = now.AddMinutes(-10),
                NotBefore = now.AddMinutes(-10),
                Expires = expires ?? now.AddHours(1),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            object? document = null;
            if (url == _issuer + "/.well-known/openid-configuration")
            {
                document = new Dictionary<string, object>
                {
                    ["issuer"] = _issuer,
                    ["jwks_uri"] = _issuer + "/protocol/openid-connect/certs",
                    ["authorization_endpoint"] = _issuer + "/protocol/openid-connect/auth",
                    ["token_endpoint"] = _issuer + "/protocol/openid-connect/token",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                };
            }
            else if (url == _issuer + "/protocol/openid-connect/certs")
            {
                var parameters = _rsa.ExportParameters(false);
                document = new
                {
                    keys = new[]
                    {
                        new Dictionary<string, string>
                        {
                            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = _key.KeyId,
                            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        },
                    },
                };
            }
            var response = document is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(document), Encoding.UTF8, "application/json") };
            return Task.FromResult(response);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _rsa.Dispose();
            base.Dispose(disposing);
        }
    }
}
