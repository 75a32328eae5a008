using PovertyGraph.Server.Auth;

namespace PovertyGraph.Tests.Auth;

/// <summary>The Auth section's rules, without a server.</summary>
public class AuthOptionsTests
{
    [Fact]
    public void Development_key_must_be_at_least_32_bytes()
    {
        Assert.NotEmpty(new AuthOptions { DevelopmentKey = "short" }.Problems());
        Assert.NotEmpty(new AuthOptions().Problems());
        Assert.Empty(new AuthOptions { DevelopmentKey = new string('k', 32) }.Problems());
    }

    [Fact]
    public void Authority_replaces_the_development_key_and_must_be_https()
    {
        Assert.Empty(new AuthOptions { Authority = "https://login.example.test/realms/pg" }.Problems());
        Assert.NotEmpty(new AuthOptions { Authority = "http://localhost:8080/realms/pg" }.Problems());
        Assert.Empty(new AuthOptions { Authority = "http://localhost:8080/realms/pg", RequireHttpsMetadata = false }.Problems());
        Assert.NotEmpty(new AuthOptions { Authority = "not a url" }.Problems());
    }

    [Fact]
    public void Defaults()
    {
        var options = new AuthOptions();
        Assert.Equal("povertygraph-development", options.EffectiveIssuer);
        Assert.Equal("povertygraph", options.EffectiveAudience);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ClockSkew);
        Assert.True(options.RequireHttpsMetadata);
    }

    [Fact]
    public void Shipped_development_key_is_usable_and_labelled()
    {
        var options = Infrastructure.Tokens.Options;
        Assert.Empty(options.Problems());
        Assert.Contains("DEVELOPMENT", options.DevelopmentKey);
        Assert.False(options.UsesAuthority);
    }

    [Fact]
    public void Minter_refuses_what_the_server_would_refuse()
    {
        var minter = Infrastructure.Tokens.Minter;
        Assert.Throws<ArgumentException>(() => minter.Create(GraphQL.Access.Role.Public));
        Assert.Throws<ArgumentException>(() => minter.Create(GraphQL.Access.Role.Ngo));
        Assert.Throws<ArgumentException>(() => minter.Create(GraphQL.Access.Role.Official, organization: "ngo-jiaohe-health"));
        Assert.Throws<InvalidOperationException>(() => new DevelopmentTokens(new AuthOptions { DevelopmentKey = "short" }));
    }
}
