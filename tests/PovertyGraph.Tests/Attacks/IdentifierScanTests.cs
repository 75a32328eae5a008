using static PovertyGraph.Tests.Attacks.AttackSupport;
using static PovertyGraph.Tests.Attacks.AttackTruth;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// The whole-response scan every attack request passes through (<see cref="AttackServer"/>): it catches a real ID
/// number or phone under any name, and does not mistake the opaque strings of a normal response for one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IdentifierScanTests
{
    private readonly AttackServer _server;

    public IdentifierScanTests(PovertyGraphFactory factory) => _server = new AttackServer(factory);

    [Theory]
    [InlineData("""{"data":{"households":{"nodes":[{"headIdNumber":"220281195610309017"}]}}}""", "220281195610309017")]
    [InlineData("""{"data":{"x":{"anAlias":"22028119561030901X"}}}""", "22028119561030901X")]
    [InlineData("""{"data":{"p":"10012345678"}}""", "10012345678")]
    [InlineData("""{"data":{"p":"13812345678","q":null}}""", "13812345678")]
    [InlineData("""{"errors":[{"message":"\u0027220281195610309017\u0027 is not a Village ID"}]}""", "220281195610309017")]
    [InlineData("""{"data":{"note":"户主王伟，身份证220281195610309017，电话13812345678。"}}""", "220281195610309017", "13812345678")]
    [InlineData("""{"data":{"n":13812345678}}""", "13812345678")]
    [InlineData("220281195610309017 in a plain-text body", "220281195610309017")]
    public void A_real_id_number_or_phone_is_found_whatever_carries_it(string response, params string[] expected) =>
        Assert.Equal(expected, IdentifierPatterns.FindInResponse(response));

    [Theory]
    [InlineData("""{"data":{"node":{"id":"SG91c2Vob2xkOjIyMDI4MTE5NTYxMDMwOTAxNw"}}}""")] // a global ID
    [InlineData("""{"data":{"edges":[{"cursor":"WzIyMDI4MTE5NTYxMDMwOTAxN10.3q2-7wAAAAAAAAAA"}]}}""")] // a cursor
    [InlineData("""{"errors":[{"extensions":{"requestId":"0HNQFEK83QB5U:00000001"}}]}""")] // a request ID
    [InlineData("""{"data":{"dataset":{"seedChecksum":"ab12345678901234567cd0123456789012ef"}}}""")] // hex digits inside a checksum
    [InlineData("""{"data":{"avg":{"annualIncomePerCapita":3456.12345678901234}}}""")] // a fraction
    [InlineData("""{"data":{"idNumber":"220281********9017","phone":null}}""")] // masked
    [InlineData("""{"data":{"a":"1234567890","b":"123456789012","c":"2202811956103090171"}}""")] // 10, 12 and 19 digits
    public void Opaque_strings_masked_values_and_other_numbers_are_not_identifiers(string response) =>
        Assert.Empty(IdentifierPatterns.FindInResponse(response));

    /// <summary>
    /// Real identifiers, as the server sends them to OFFICIAL: the check that guards every attack response would flag
    /// them in a PUBLIC, RESEARCHER or out-of-scope NGO response; an NGO's own partner-village phones pass.
    /// </summary>
    [Fact]
    public async Task Real_identifiers_in_a_response_fail_the_check_for_every_caller_but_official()
    {
        var truth = await TruthAsync(_server);
        const string query = "query($v: ID!) { households(first: 3, where: { village: { id: { eq: $v } } }) { nodes { headIdNumber phone members { nodes { idNumber } } } } }";
        var big = (await _server.PostAsync(query, new { v = truth.Big.Id }, Tokens.Official)).Body;
        var bigText = Text(big);
        Assert.Contains(truth.Big.Households[0].HeadIdNumber, bigText);
        Assert.Contains(truth.Big.Households[0].Phone, bigText);
        var every = Properties(big["data"]).Where(p => p.Value != null).Select(p => p.Value!.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(every.Count >= 6, $"only {every.Count} identifiers came back");
        Assert.Equal(every, IdentifierPatterns.FindInResponse(big.ToJsonString()).Order(StringComparer.Ordinal));

        foreach (var caller in new[] { AttackServer.Caller.Public, new AttackServer.Caller("RESEARCHER"), new AttackServer.Caller("NGO", Tokens.JiaoheNgo) })
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AttackServer.AssertNoIdentifierPatterns(caller, "", big.ToJsonString(), new HashSet<string>()));
        AttackServer.AssertNoIdentifierPatterns(new AttackServer.Caller("OFFICIAL"), "", big.ToJsonString());

        // Partner-village phones are the NGO's to see (its view of them is checked in NgoAttacks); their ID numbers never are.
        var partner = (await _server.PostAsync("query($v: ID!) { households(first: 3, where: { village: { id: { eq: $v } } }) { nodes { phone } } }",
            new { v = truth.Partner.Id }, Tokens.Official)).Body.ToJsonString();
        var phones = truth.Partner.Households.Select(h => h.Phone).ToHashSet();
        AttackServer.AssertNoIdentifierPatterns(new AttackServer.Caller("NGO", Tokens.JiaoheNgo), "", partner, phones);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AttackServer.AssertNoIdentifierPatterns(AttackServer.Caller.Public, "", partner));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AttackServer.AssertNoIdentifierPatterns(
            new AttackServer.Caller("NGO", Tokens.JiaoheNgo), "", partner.Replace("}]", $",\"x\":\"{truth.Partner.Households[0].Members[0].IdNumber}\"}}]"), phones));

        // A value the request itself carries may come back (an error naming it): the caller knew it already.
        var echo = $$"""{"errors":[{"message":"'{{truth.Big.Households[0].HeadIdNumber}}' is not a Village ID"}]}""";
        AttackServer.AssertNoIdentifierPatterns(AttackServer.Caller.Public, $$"""{"v":"{{truth.Big.Households[0].HeadIdNumber}}"}""", echo);
    }

    /// <summary>Every PUBLIC answer of the attack suite passes the scan: the requests below hold cursors, IDs, request IDs and decimals.</summary>
    [Fact]
    public async Task Public_responses_full_of_opaque_strings_pass_the_scan()
    {
        var truth = await TruthAsync(_server);
        var (status, body) = await _server.PostAsync("""
            query($v: ID!) { households(first: 500, where: { village: { id: { eq: $v } } }) { edges { cursor node { id village { id } members { nodes { id } } } }
              aggregates { count avg { memberCount annualIncomePerCapita } } }
              dataset { seedChecksum generatedAt } bad: node(id: "not-an-id") { id } }
            """, new { v = truth.Big.Id });
        Assert.Equal(200, status);
        Assert.Equal(truth.Big.Households.Count, body["data"]!["households"]!["edges"]!.AsArray().Count);
        Assert.NotNull(body["errors"]![0]!["extensions"]!["requestId"]);
        Assert.Empty(IdentifierPatterns.FindInResponse(body.ToJsonString()));
    }
}
