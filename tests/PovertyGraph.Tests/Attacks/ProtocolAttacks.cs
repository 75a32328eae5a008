using System.Text.Json;
using System.Text.Json.Nodes;
using PovertyGraph.GraphQL.Access;
using static PovertyGraph.Tests.Attacks.AttackSupport;
using static PovertyGraph.Tests.Attacks.AttackTruth;

namespace PovertyGraph.Tests.Attacks;

/// <summary>Transport-level attacks: tokens, batching, GET, introspection, deep queries and error messages.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProtocolAttacks
{
    private readonly AttackServer _server;

    public ProtocolAttacks(PovertyGraphFactory factory) => _server = new AttackServer(factory);

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
        var (status, text) = await _server.SendAsync(PostRaw(JsonSerializer.Serialize(new { query = Secrets + " " }), Header(kind)));
        Assert.Equal(401, status);
        Assert.DoesNotContain("\"households\"", text);
        var get = Get(Secrets);
        get.Headers.TryAddWithoutValidation("Authorization", Header(kind));
        (status, text) = await _server.SendAsync(get);
        Assert.Equal(401, status);
        Assert.DoesNotContain("\"households\"", text);
    }

    [Fact]
    public async Task Two_authorization_headers_are_refused()
    {
        var request = PostRaw(JsonSerializer.Serialize(new { query = Secrets }));
        request.Headers.TryAddWithoutValidation("Authorization", new[] { "Bearer " + Tokens.Researcher, "Bearer " + Tokens.Admin });
        var (status, text) = await _server.SendAsync(request);
        Assert.Equal(401, status);
        Assert.DoesNotContain("\"households\"", text);
    }

    [Fact]
    public async Task A_token_in_the_query_string_does_not_raise_the_role()
    {
        var truth = await TruthAsync(_server);
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?access_token=" + Tokens.Admin + "&query=" + Uri.EscapeDataString(
            "{ me { role } households(first: 50, where: { village: { id: { eq: \"" + truth.Big.Id + "\" } } }) { nodes { headName headIdNumber phone } } }"));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var (status, text) = await _server.SendAsync(request);
        Assert.Equal(200, status);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("PUBLIC", body["data"]!["me"]!["role"]!.ToString());
        AssertPublicAnswer(status, body, "access_token in the query string", ["headName", "headIdNumber", "phone"]);
        AssertNoIdentifiers(body, truth.AllHouseholds, "access_token in the query string");
    }

    [Fact]
    public async Task Batched_requests_are_rejected()
    {
        var batch = JsonSerializer.Serialize(new object[] { new { query = "{ me { role } }" }, new { query = Secrets } });
        var (status, text) = await _server.SendAsync(PostRaw(batch));
        Assert.Equal(400, status);
        Assert.DoesNotContain("\"households\"", text);
        (status, text) = await _server.SendAsync(PostRaw(batch, "Bearer " + Tokens.Official));
        Assert.Equal(400, status);
        Assert.DoesNotContain("\"households\"", text);
    }

    [Fact]
    public async Task Get_serves_the_same_masked_view_as_post()
    {
        var truth = await TruthAsync(_server);
        var query = "query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) { nodes { headName headIdNumber phone primaryCause annualIncomePerCapita members { nodes { name idNumber birthDate } } } } }";
        var (status, text) = await _server.SendAsync(Get(query, new { v = truth.Big.Id }));
        Assert.Equal(200, status);
        var body = JsonNode.Parse(text)!;
        AssertPublicAnswer(status, body, "GET", ["headName", "headIdNumber", "phone", "primaryCause", "annualIncomePerCapita", "idNumber", "birthDate"]);
        AssertNoIdentifiers(body, truth.AllHouseholds, "GET");
        var (_, post) = await _server.PostAsync(query, new { v = truth.Big.Id });
        Assert.Equal(Text(post), Text(body));
    }

    [Fact]
    public async Task Introspection_reveals_no_data_and_no_cell_key()
    {
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync("""
            { __schema { types { name description fields(includeDeprecated: true) { name description args { name defaultValue } }
                inputFields { name defaultValue } enumValues(includeDeprecated: true) { name description } } } }
            """);
        Assert.Equal(200, status);
        AssertNoIdentifiers(body, truth.AllHouseholds, "introspection");
        var text = Text(body);
        Assert.DoesNotContain("cellKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CursorKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DevelopmentKey", text, StringComparison.OrdinalIgnoreCase);
        var (_, sdl) = await _server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql"));
        Assert.DoesNotContain("cellKey", sdl, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Deep and wide queries: as deep as the server answers, every level is masked; deeper, the query is refused before
    /// it runs (MAX_DEPTH_EXCEEDED, no data); two hundred aliases of the same page are each masked.
    /// </summary>
    [Fact]
    public async Task Very_deep_and_wide_queries_are_answered_safely()
    {
        var truth = await TruthAsync(_server);
        string Deep(int levels)
        {
            var inner = "headName headIdNumber phone primaryCause annualIncomePerCapita";
            for (var i = 0; i < levels; i++)
                inner = $"headName phone members(first: 2) {{ nodes {{ idNumber household {{ village {{ households(first: 2) {{ nodes {{ {inner} }} }} }} }} }} }}";
            return $"query($v: ID!) {{ households(first: 2, where: {{ village: {{ id: {{ eq: $v }} }} }}) {{ nodes {{ {inner} }} }} }}";
        }
        var (status, body) = await _server.PostAsync(Deep(3), new { v = truth.Big.Id });
        AssertPublicAnswer(status, body, "deep query", ["headName", "headIdNumber", "phone", "primaryCause", "annualIncomePerCapita", "idNumber"]);
        AssertNoIdentifiers(body, truth.AllHouseholds, "deep query");

        (status, body) = await _server.PostAsync(Deep(12), new { v = truth.Big.Id });
        Assert.Equal(400, status);
        AssertRefused(status, body, "very deep query");
        Assert.Equal("MAX_DEPTH_EXCEEDED", body["errors"]![0]!["extensions"]!["code"]!.ToString());
        Assert.DoesNotContain("Exception", Text(body));

        var wide = "{ " + string.Join(" ", Enumerable.Range(0, 200).Select(i => $"a{i}: households(first: 1, after: null) {{ nodes {{ headIdNumber phone }} }}")) + " }";
        (status, body) = await _server.PostAsync(wide);
        AssertPublicAnswer(status, body, "wide query", ["headIdNumber", "phone"]);
        Assert.Equal(200, body["data"]!.AsObject().Count(p => p.Value!["nodes"]!.AsArray().Count == 1));
    }

    /// <summary>Each bad request gets its own error (status and code: a validation error before execution, a bad argument during it), and no error echoes personal data.</summary>
    [Theory]
    [InlineData("{ households(where: { type: { eq: NOT_A_TYPE } }) { totalCount } }", 400, "ARGUMENTS_OF_CORRECT_TYPE")]
    [InlineData("{ households(groupBy: HEAD_NAME) { totalCount } }", 400, "KNOWN_ARGUMENT_NAMES")]
    [InlineData("{ households { groupedAggregates(groupBy: [HEAD_NAME]) { count } } }", 400, "ARGUMENTS_OF_CORRECT_TYPE")]
    [InlineData("{ households { groupedAggregates(groupBy: [PHONE]) { count } } }", 400, "ARGUMENTS_OF_CORRECT_TYPE")]
    [InlineData("{ households(first: 1) { nodes { cellKey } } }", 400, "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{ households(after: \"not-a-cursor\") { nodes { id } } }", 200, "BAD_ARGUMENT")]
    [InlineData("{ households(where: { id: { eq: \"SG91c2Vob2xkOjE\" }, memberCount: { eq: \"x\" } }) { totalCount } }", 400, "ARGUMENTS_OF_CORRECT_TYPE")]
    [InlineData("{ households(where: { village: { id: { eq: \"220281195610309017\" } } }) { totalCount } }", 200, "BAD_ARGUMENT")]
    public async Task Error_messages_do_not_echo_personal_data(string query, int expectedStatus, string expectedCode)
    {
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync(query);
        Assert.Equal(expectedStatus, status);
        AssertRefused(status, body, query);
        Assert.Equal(expectedCode, body["errors"]![0]!["extensions"]!["code"]!.ToString());
        // Household 1's secrets, from the database (its ID number is used in one of the queries only as a village ID, which exists nowhere).
        HouseholdTruth h1;
        using (var connection = _server.Database.Open())
            h1 = Assert.Single(Households(connection, "h.\"Id\" = 1"));
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
        var truth = await TruthAsync(_server);
        var real = truth.Big.Households[0].HeadIdNumber;
        var fake = "110101199001011234";
        var answers = new List<string>();
        foreach (var value in new[] { real, fake })
        {
            var (_, body) = await _server.PostAsync("query($x: String, $id: ID!) { villages(where: { name: { eq: $x } }) { totalCount } node(id: $id) { id } }", new { x = value, id = value });
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
