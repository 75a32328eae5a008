using System.Text.Json;
using System.Text.Json.Nodes;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.Tests.Infrastructure;
using static PovertyGraph.Tests.Attacks.AttackSupport;

namespace PovertyGraph.Tests.Attacks;

/// <summary>Transport-level attacks: tokens, batching, GET, introspection, deep queries and error messages.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProtocolAttacks(PovertyGraphFactory factory)
{
    private const string Secrets = "{ households(first: 5) { nodes { headName headIdNumber phone primaryCause annualIncomePerCapita } } }";

    public static TheoryData<string> BadTokens => new()
    {
        "expired", "not-yet-valid", "wrong-key", "wrong-alg", "none-alg", "tampered", "wrong-issuer", "wrong-audience", "malformed",
        "no-exp", "admin-uppercase", "ngo-unknown-org", "basic",
    };

    private static string Header(string kind) => kind switch
    {
        "expired" => "Bearer " + Tokens.Expired(Role.Admin),
        "not-yet-valid" => "Bearer " + Tokens.NotYetValid(Role.Admin),
        "wrong-key" => "Bearer " + Tokens.WrongKey(Role.Admin),
        "wrong-alg" => "Bearer " + Tokens.WrongAlgorithm(Role.Admin),
        "none-alg" => "Bearer " + Tokens.NoneAlgorithm(Role.Admin),
        "tampered" => "Bearer " + Tokens.Tampered(),
        "wrong-issuer" => "Bearer " + Tokens.WrongIssuer(Role.Admin),
        "wrong-audience" => "Bearer " + Tokens.WrongAudience(Role.Admin),
        "malformed" => "Bearer " + Tokens.Malformed,
        "no-exp" => "Bearer " + Tokens.WithoutExpiry(),
        "admin-uppercase" => "Bearer " + Tokens.WithClaims(new Dictionary<string, object> { ["sub"] = "x", ["role"] = "ADMIN" }),
        "ngo-unknown-org" => "Bearer " + Tokens.WithClaims(Tokens.Claims(Role.Ngo, organization: "ngo-nonexistent")),
        _ => "Basic " + Convert.ToBase64String("admin:admin"u8.ToArray()),
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Invalid_tokens_get_401_and_never_data_over_post_or_get(string kind)
    {
        var (status, text) = await SendAsync(factory, PostRaw(JsonSerializer.Serialize(new { query = Secrets + " " }), Header(kind)));
        Assert.Equal(401, status);
        Assert.DoesNotContain("\"households\"", text);
        var get = Get(Secrets);
        get.Headers.TryAddWithoutValidation("Authorization", Header(kind));
        (status, text) = await SendAsync(factory, get);
        Assert.Equal(401, status);
        Assert.DoesNotContain("\"households\"", text);
    }

    [Fact]
    public async Task Two_authorization_headers_are_refused()
    {
        var request = PostRaw(JsonSerializer.Serialize(new { query = Secrets }));
        request.Headers.TryAddWithoutValidation("Authorization", new[] { "Bearer " + Tokens.Researcher, "Bearer " + Tokens.Admin });
        var (status, text) = await SendAsync(factory, request);
        Assert.Equal(401, status);
        Assert.DoesNotContain("\"households\"", text);
    }

    [Fact]
    public async Task A_token_in_the_query_string_does_not_raise_the_role()
    {
        var truth = await TruthAsync(factory);
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?access_token=" + Tokens.Admin + "&query=" + Uri.EscapeDataString(
            "{ me { role } households(first: 50, where: { village: { id: { eq: \"" + truth.Big.Id + "\" } } }) { nodes { headName headIdNumber phone } } }"));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var (status, text) = await SendAsync(factory, request);
        Assert.Equal(200, status);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("PUBLIC", body["data"]!["me"]!["role"]!.ToString());
        AssertPublicView(body, "access_token in the query string");
        AssertNoIdentifiers(body, truth.AllHouseholds, "access_token in the query string");
    }

    [Fact]
    public async Task Batched_requests_are_rejected()
    {
        var batch = JsonSerializer.Serialize(new object[] { new { query = "{ me { role } }" }, new { query = Secrets } });
        var (status, text) = await SendAsync(factory, PostRaw(batch));
        Assert.Equal(400, status);
        Assert.DoesNotContain("\"households\"", text);
        (status, text) = await SendAsync(factory, PostRaw(batch, "Bearer " + Tokens.Official));
        Assert.Equal(400, status);
        Assert.DoesNotContain("\"households\"", text);
    }

    [Fact]
    public async Task Get_serves_the_same_masked_view_as_post()
    {
        var truth = await TruthAsync(factory);
        var query = "query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) { nodes { headName headIdNumber phone primaryCause annualIncomePerCapita members { nodes { name idNumber birthDate } } } } }";
        var (status, text) = await SendAsync(factory, Get(query, new { v = truth.Big.Id }));
        Assert.Equal(200, status);
        var body = JsonNode.Parse(text)!;
        AssertPublicView(body, "GET");
        AssertNoIdentifiers(body, truth.AllHouseholds, "GET");
        var (_, post) = await factory.PostAsync(query, new { v = truth.Big.Id });
        Assert.Equal(Text(post), Text(body));
    }

    [Fact]
    public async Task Introspection_reveals_no_data_and_no_cell_key()
    {
        var truth = await TruthAsync(factory);
        var (status, body) = await factory.PostAsync("""
            { __schema { types { name description fields(includeDeprecated: true) { name description args { name defaultValue } }
                inputFields { name defaultValue } enumValues(includeDeprecated: true) { name description } } } }
            """);
        Assert.Equal(200, status);
        AssertNoIdentifiers(body, truth.AllHouseholds, "introspection");
        var text = Text(body);
        Assert.DoesNotContain("cellKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CursorKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DevelopmentKey", text, StringComparison.OrdinalIgnoreCase);
        var (_, sdl) = await SendAsync(factory, new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql"));
        Assert.DoesNotContain("cellKey", sdl, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Very_deep_and_wide_queries_are_answered_safely()
    {
        var truth = await TruthAsync(factory);
        var inner = "headName headIdNumber phone primaryCause annualIncomePerCapita";
        for (var i = 0; i < 12; i++)
            inner = $"headName phone members(first: 2) {{ nodes {{ idNumber household {{ village {{ households(first: 2) {{ nodes {{ {inner} }} }} }} }} }} }}";
        var query = $"query($v: ID!) {{ households(first: 2, where: {{ village: {{ id: {{ eq: $v }} }} }}) {{ nodes {{ {inner} }} }} }}";
        var (status, body) = await factory.PostAsync(query, new { v = truth.Big.Id });
        Assert.True(status is 200 or 400, $"deep query: status {status}");
        AssertPublicView(body, "deep query");
        AssertNoIdentifiers(body, truth.AllHouseholds, "deep query");
        Assert.DoesNotContain("Exception", Text(body));

        var wide = "{ " + string.Join(" ", Enumerable.Range(0, 200).Select(i => $"a{i}: households(first: 1, after: null) {{ nodes {{ headIdNumber phone }} }}")) + " }";
        (status, body) = await factory.PostAsync(wide);
        Assert.True(status is 200 or 400);
        AssertPublicView(body, "wide query");
    }

    [Theory]
    [InlineData("{ households(where: { type: { eq: NOT_A_TYPE } }) { totalCount } }")]
    [InlineData("{ households(groupBy: HEAD_NAME) { totalCount } }")]
    [InlineData("{ households { groupedAggregates(groupBy: [HEAD_NAME]) { count } } }")]
    [InlineData("{ households { groupedAggregates(groupBy: [PHONE]) { count } } }")]
    [InlineData("{ households(first: 1) { nodes { cellKey } } }")]
    [InlineData("{ households(after: \"not-a-cursor\") { nodes { id } } }")]
    [InlineData("{ households(where: { id: { eq: \"SG91c2Vob2xkOjE\" }, memberCount: { eq: \"x\" } }) { totalCount } }")]
    [InlineData("{ households(where: { village: { id: { eq: \"220281195610309017\" } } }) { totalCount } }")]
    public async Task Error_messages_do_not_echo_personal_data(string query)
    {
        var truth = await TruthAsync(factory);
        var (status, body) = await factory.PostAsync(query);
        Assert.True(status is 200 or 400, $"status {status}");
        Assert.NotNull(body["errors"]);
        // Household 1's secrets (its ID number is used in one of the queries only as a village ID, which exists nowhere).
        var official = await factory.QueryAsync($$"""{ node(id: "{{IdOf("Household", 1)}}") { ... on Household { {{HouseholdFields}} } } }""", token: Tokens.Official);
        var h1 = ParseHousehold(official["node"]!);
        var errors = Text(body["errors"]);
        foreach (var (what, secret) in Secrets(h1).Where(s => !query.Contains(s.Secret)))
            Assert.DoesNotContain(secret, errors);
        AssertNoIdentifiers(body["errors"], truth.AllHouseholds, "error message");
        Assert.DoesNotContain("Exception", errors);
        Assert.DoesNotContain("SELECT", errors, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SQLite", errors, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A filter value that is someone's real ID number (in a field a PUBLIC caller may filter on) gets the same
    /// answer shape as a made-up one: the error does not confirm that it is a real identity number.
    /// </summary>
    [Fact]
    public async Task An_error_does_not_confirm_or_deny_a_real_id_number()
    {
        var truth = await TruthAsync(factory);
        var real = truth.Big.Households[0].HeadIdNumber;
        var fake = "110101199001011234";
        var answers = new List<string>();
        foreach (var value in new[] { real, fake })
        {
            var (_, body) = await factory.PostAsync("query($x: String, $id: ID!) { villages(where: { name: { eq: $x } }) { totalCount } node(id: $id) { id } }", new { x = value, id = value });
            answers.Add(Comparable(body).Replace(value, "<value>"));
        }
        Assert.Equal(answers[0], answers[1]);
    }

    /// <summary>
    /// Masking edge case (latent: the generated data has no such name). A two-character name whose two characters
    /// happen to form a compound surname (surname 夏 and given name 侯) must not be shown whole as "夏侯*".
    /// </summary>
    [Theory]
    [InlineData("夏侯")]
    [InlineData("司马")]
    public void Masking_a_two_character_name_never_shows_the_whole_name(string name)
    {
        var x = System.Linq.Expressions.Expression.Parameter(typeof(string), "n");
        var mask = System.Linq.Expressions.Expression.Lambda<Func<string, string>>(Masks.Apply(PovertyGraph.GraphQL.Model.Mask.Surname, x), x).Compile();
        var masked = mask(name);
        Assert.False(masked.TrimEnd('*') == name, $"LEAK: the masked form of the two-character name {name} is {masked}: the whole name");
    }
}
