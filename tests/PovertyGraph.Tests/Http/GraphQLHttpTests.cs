using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Http;

/// <summary>GraphQL over HTTP: methods, media types, status codes and malformed input, through the real server.</summary>
[Collection(ApiCollection.Name)]
public class GraphQLHttpTests
{
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    private readonly PovertyGraphFactory _factory;

    public GraphQLHttpTests(PovertyGraphFactory factory) => _factory = factory;

    // ---- helpers -------------------------------------------------------------------------------------------

    private static HttpRequestMessage Post(string body, string? contentType = Json, string? accept = GraphQLResponseJson)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType != null)
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (accept != null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private static HttpRequestMessage PostJson(object payload, string? accept = GraphQLResponseJson) =>
        Post(JsonSerializer.Serialize(payload), Json, accept);

    private static HttpRequestMessage Get(string queryString, string? accept = GraphQLResponseJson)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString);
        if (accept != null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private static string Q(params (string Name, string Value)[] parameters) =>
        "?" + string.Join("&", parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    private async Task<(HttpStatusCode Status, HttpResponseMessage Response, string Text)> SendAsync(HttpRequestMessage request)
    {
        using var client = _factory.CreateClient();
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response, text);
    }

    private static void AssertMediaType(HttpResponseMessage response, string mediaType)
    {
        var contentType = response.Content.Headers.ContentType;
        Assert.NotNull(contentType);
        Assert.Equal(mediaType, contentType!.MediaType);
        Assert.Equal("utf-8", contentType.CharSet);
    }

    /// <summary>A spec-shaped error body: an errors list of objects with a message, and no data entry.</summary>
    private static JsonNode AssertRequestError(string text, string? messageContains = null)
    {
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.False(body.ContainsKey("data"), $"unexpected data entry: {text}");
        var errors = body["errors"]!.AsArray();
        Assert.NotEmpty(errors);
        var message = errors[0]!["message"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain("   at ", text); // no stack trace
        if (messageContains != null)
            Assert.Contains(messageContains, message, StringComparison.OrdinalIgnoreCase);
        return body;
    }

    // ---- POST ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Post_json_runs_the_query()
    {
        var (status, response, text) = await SendAsync(PostJson(new { query = "{ __typename }" }));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, GraphQLResponseJson);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("Query", body["data"]!["__typename"]!.GetValue<string>());
        Assert.Null(body["errors"]);
    }

    [Theory]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=utf-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("APPLICATION/JSON")]
    public async Task Post_with_charset_parameter_in_content_type(string contentType)
    {
        var (status, response, text) = await SendAsync(Post("""{"query":"{ __typename }"}""", contentType));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, GraphQLResponseJson);
        Assert.Equal("Query", JsonNode.Parse(text)!["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_accepts_graphql_response_json_as_request_content_type()
    {
        var (status, response, text) = await SendAsync(Post("""{"query":"{ __typename }"}""", GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, GraphQLResponseJson);
        Assert.Equal("Query", JsonNode.Parse(text)!["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_with_variables()
    {
        var (status, response, text) = await SendAsync(PostJson(new
        {
            query = "query T($name: String!) { __type(name: $name) { name kind } }",
            variables = new { name = "String" },
        }));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, GraphQLResponseJson);
        var type = JsonNode.Parse(text)!["data"]!["__type"]!;
        Assert.Equal("String", type["name"]!.GetValue<string>());
        Assert.Equal("SCALAR", type["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_null_optional_parameters_and_map_extensions_are_accepted()
    {
        var (status, response, text) = await SendAsync(Post(
            """{"query":"{ __typename }","variables":null,"operationName":null,"extensions":{"some":"value"}}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, GraphQLResponseJson);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.False(body.ContainsKey("errors"));
        Assert.Equal("Query", body["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task OperationName_selects_among_several_operations()
    {
        const string document = """
            query First { first: __typename }
            query Second { second: __type(name: "Boolean") { name } }
            """;

        var (status, _, text) = await SendAsync(PostJson(new { query = document, operationName = "Second" }));
        Assert.Equal(HttpStatusCode.OK, status);
        var data = JsonNode.Parse(text)!["data"]!.AsObject();
        Assert.False(data.ContainsKey("first"));
        Assert.Equal("Boolean", data["second"]!["name"]!.GetValue<string>());

        (status, _, text) = await SendAsync(PostJson(new { query = document, operationName = "First" }));
        Assert.Equal(HttpStatusCode.OK, status);
        data = JsonNode.Parse(text)!["data"]!.AsObject();
        Assert.Equal("Query", data["first"]!.GetValue<string>());
        Assert.False(data.ContainsKey("second"));
    }

    [Fact]
    public async Task Several_operations_without_operationName_is_a_request_error()
    {
        var (status, response, text) = await SendAsync(PostJson(new { query = "query A { __typename } query B { __typename }" }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertMediaType(response, GraphQLResponseJson);
        AssertRequestError(text);
    }

    [Fact]
    public async Task Unknown_operationName_is_a_request_error()
    {
        var (status, response, text) = await SendAsync(PostJson(new { query = "query A { __typename }", operationName = "Nope" }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertMediaType(response, GraphQLResponseJson);
        AssertRequestError(text);
    }

    // ---- GET -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Get_with_query_string_runs_the_query()
    {
        var (status, response, text) = await SendAsync(Get(Q(("query", "{ __typename }"))));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, GraphQLResponseJson);
        Assert.Equal("Query", JsonNode.Parse(text)!["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_without_accept_header_answers_application_json()
    {
        var (status, response, text) = await SendAsync(Get(Q(("query", "{ __typename }")), accept: null));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, Json);
        Assert.Equal("Query", JsonNode.Parse(text)!["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_with_variables_and_operationName()
    {
        var (status, response, text) = await SendAsync(Get(Q(
            ("query", "query A { __typename } query B($name: String!) { __type(name: $name) { name } }"),
            ("operationName", "B"),
            ("variables", """{"name":"Boolean"}"""),
            ("extensions", """{"some":"value"}"""))));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, GraphQLResponseJson);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.False(body.ContainsKey("errors"));
        Assert.Equal("Boolean", body["data"]!["__type"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    public async Task Get_mutation_is_405_with_allow_post(string accept)
    {
        var (status, response, text) = await SendAsync(Get(Q(("query", "mutation { __typename }")), accept));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.DoesNotContain("GET", response.Content.Headers.Allow);
        AssertMediaType(response, accept);
        AssertRequestError(text, "GET");
    }

    [Fact]
    public async Task Get_selecting_a_mutation_by_operationName_is_405()
    {
        var (status, response, text) = await SendAsync(Get(Q(
            ("query", "query Q { __typename } mutation M { __typename }"),
            ("operationName", "M"))));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Contains("POST", response.Content.Headers.Allow);
        AssertRequestError(text);
    }

    [Fact]
    public async Task Get_with_invalid_variables_json_is_400()
    {
        var (status, response, text) = await SendAsync(Get(Q(("query", "{ __typename }"), ("variables", "{not json"))));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertMediaType(response, GraphQLResponseJson);
        AssertRequestError(text, "variables");
    }

    [Fact]
    public async Task Get_without_query_from_an_api_client_is_400()
    {
        var (status, response, text) = await SendAsync(Get("", Json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertMediaType(response, Json);
        AssertRequestError(text, "query");
    }

    [Fact]
    public async Task Browser_get_returns_the_graphiql_page()
    {
        var (status, response, text) = await SendAsync(Get("", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("graphiql", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Graphiql_page_assets_are_served_locally()
    {
        var (_, _, html) = await SendAsync(Get("", "text/html"));
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=[\"'](/graphiql/[^\"'?#]+)")
            .Select(m => m.Groups[1].Value).Distinct().ToList();

        // The build puts the IDE in place (GraphiQL.targets): the page references its scripts and style, and each is served.
        Assert.Equal(["/graphiql/graphiql.min.css", "/graphiql/graphiql.min.js", "/graphiql/react-dom.production.min.js", "/graphiql/react.production.min.js"],
            assets.Order(StringComparer.Ordinal));
        using var client = _factory.CreateClient();
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.NotNull(response.Content.Headers.ContentType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, asset);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task Graphiql_folder_redirects_to_the_ide_and_missing_assets_are_404()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var redirect = await client.GetAsync("/graphiql");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/graphql", redirect.Headers.Location!.OriginalString);

        var missing = await client.GetAsync("/graphiql/no-such-file.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var traversal = await client.GetAsync("/graphiql/..%2F..%2Fappsettings.json");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    // ---- methods and content types -------------------------------------------------------------------------

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_allow_get_post(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, Json),
        };
        request.Headers.Accept.ParseAdd(GraphQLResponseJson);

        var (status, response, text) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal(new[] { "GET", "POST" }, response.Content.Headers.Allow.Order());
        AssertMediaType(response, GraphQLResponseJson);
        AssertRequestError(text, method);
    }

    [Fact]
    public async Task Other_methods_are_405_even_when_accept_is_unsupported()
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");

        var (status, response, text) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal(new[] { "GET", "POST" }, response.Content.Headers.Allow.Order());
        AssertMediaType(response, Json);
        AssertRequestError(text);
    }

    [Theory]
    [InlineData("text/plain;charset=UTF-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Unsupported_content_type_is_415(string? contentType)
    {
        var (status, response, text) = await SendAsync(Post("""{"query":"{ __typename }"}""", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        AssertMediaType(response, GraphQLResponseJson);
        AssertRequestError(text, "Content-Type");
    }

    // ---- Accept negotiation --------------------------------------------------------------------------------

    [Theory]
    [InlineData(GraphQLResponseJson, GraphQLResponseJson)]
    [InlineData(Json, Json)]
    [InlineData("application/graphql-response+json, application/json", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json;q=0.9", Json)]
    [InlineData("application/graphql-response+json;charset=utf-8", GraphQLResponseJson)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/graphql-response+json, */*;q=0.8", GraphQLResponseJson)]
    [InlineData("application/json;q=0, */*", GraphQLResponseJson)]
    [InlineData(null, Json)]
    public async Task Accept_negotiation(string? accept, string expected)
    {
        var (status, response, text) = await SendAsync(PostJson(new { query = "{ __typename }" }, accept));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, expected);
        Assert.Equal("Query", JsonNode.Parse(text)!["data"]!["__typename"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    [InlineData("application/json; charset=latin1")]
    public async Task Unsupported_accept_is_406(string accept)
    {
        var (status, response, text) = await SendAsync(PostJson(new { query = "{ __typename }" }, accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, status);
        AssertMediaType(response, Json);
        AssertRequestError(text, "Accept");
    }

    // ---- status codes for GraphQL errors, per media type ---------------------------------------------------

    [Theory]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Validation_error_status_depends_on_media_type(string accept, HttpStatusCode expected)
    {
        var (status, response, text) = await SendAsync(PostJson(new { query = "{ thisFieldDoesNotExist8f31 }" }, accept));

        Assert.Equal(expected, status);
        AssertMediaType(response, accept);
        AssertRequestError(text, "thisFieldDoesNotExist8f31");
    }

    [Theory]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Document_parse_error_status_depends_on_media_type(string accept, HttpStatusCode expected)
    {
        var (status, response, text) = await SendAsync(PostJson(new { query = "{" }, accept));

        Assert.Equal(expected, status);
        AssertMediaType(response, accept);
        AssertRequestError(text);
    }

    [Theory]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Variable_coercion_error_status_depends_on_media_type(string accept, HttpStatusCode expected)
    {
        var (status, response, text) = await SendAsync(Post(
            """{"query":"query C($id: ID!) { __typename }","variables":{"id":null}}""", Json, accept));

        Assert.Equal(expected, status);
        AssertMediaType(response, accept);
        AssertRequestError(text, "id");
    }

    // ---- malformed requests --------------------------------------------------------------------------------

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    public async Task Malformed_json_is_400_spec_shaped(string accept)
    {
        var (status, response, text) = await SendAsync(Post("""{ "not a JSON""", Json, accept));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertMediaType(response, accept);
        AssertRequestError(text, "JSON");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"{ __typename }\"")]
    [InlineData("{}")]
    [InlineData("""{"qeury":"{ __typename }"}""")]
    [InlineData("""{"query":null}""")]
    [InlineData("""{"query":""}""")]
    [InlineData("""{"query":{"obj":"ect"}}""")]
    [InlineData("""{"query":0}""")]
    [InlineData("""{"query":false}""")]
    [InlineData("""{"query":["array"]}""")]
    [InlineData("""{"query":"{ __typename }","operationName":0}""")]
    [InlineData("""{"query":"{ __typename }","operationName":{"obj":"ect"}}""")]
    [InlineData("""{"query":"{ __typename }","variables":"string"}""")]
    [InlineData("""{"query":"{ __typename }","variables":0}""")]
    [InlineData("""{"query":"{ __typename }","variables":["array"]}""")]
    [InlineData("""{"query":"{ __typename }","extensions":false}""")]
    [InlineData("""{"query":"{ __typename }","extensions":"string"}""")]
    [InlineData("""{"query":"{ __typename }","query":"{ __typename }"}""")]
    [InlineData("""{"query":"{ __typename }"} trailing""")]
    public async Task Invalid_request_parameters_are_400(string body)
    {
        foreach (var accept in new[] { GraphQLResponseJson, Json })
        {
            var (status, response, text) = await SendAsync(Post(body, Json, accept));

            Assert.Equal(HttpStatusCode.BadRequest, status);
            AssertMediaType(response, accept);
            AssertRequestError(text);
        }
    }

    [Fact]
    public async Task Invalid_utf8_body_is_400_not_500()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"query\":\"{ __typename X }\"}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Json);

        var (status, response, text) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertMediaType(response, Json);
        AssertRequestError(text, "UTF-8");
    }

    [Fact]
    public async Task Deeply_nested_variables_are_400_not_500()
    {
        var nested = new string('[', 5000) + new string(']', 5000);
        var (status, response, text) = await SendAsync(Post("""{"query":"{ __typename }","variables":{"x":""" + nested + "}}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertMediaType(response, GraphQLResponseJson);
        AssertRequestError(text);
    }

    [Theory]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Query_nested_beyond_the_parser_limit_is_a_request_error_not_500(string accept, HttpStatusCode expected)
    {
        var query = string.Concat(Enumerable.Repeat("{ a ", 3000)) + new string('}', 3000);
        var (status, response, text) = await SendAsync(PostJson(new { query }, accept));

        Assert.Equal(expected, status);
        AssertMediaType(response, accept);
        var body = AssertRequestError(text, "depth");
        Assert.Equal("MAX_DEPTH_EXCEEDED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unpaired_surrogate_escape_in_query_is_400_not_500()
    {
        var (status, response, text) = await SendAsync(Post("""{"query":"{ __typename \ud800 }"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertMediaType(response, GraphQLResponseJson);
        AssertRequestError(text, "query");
    }

    [Fact]
    public async Task Batched_array_is_rejected()
    {
        var (status, response, text) = await SendAsync(Post("""[{"query":"{ __typename }"},{"query":"{ __typename }"}]"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertMediaType(response, GraphQLResponseJson);
        AssertRequestError(text, "batched requests are not supported");
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_413()
    {
        var padding = new string(' ', 1024 * 1024);
        var (status, response, text) = await SendAsync(Post("{\"query\":\"{ __typename }\"" + padding + "}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        AssertMediaType(response, GraphQLResponseJson);
        AssertRequestError(text, "larger than");
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        // No Content-Length: the limit is enforced while reading.
        var payload = Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\"" + new string(' ', 1024 * 1024 + 10) + "}");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StreamContent(new NonSeekableStream(payload)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Json);
        request.Headers.TransferEncodingChunked = true;

        var (status, response, text) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        AssertMediaType(response, Json);
        AssertRequestError(text, "larger than");
    }

    [Fact]
    public async Task Body_just_under_the_limit_is_served()
    {
        var json = """{"query":"{ __typename }"}""";
        var padding = new string(' ', 1024 * 1024 - json.Length - 1);
        var (status, _, text) = await SendAsync(Post(json[..^1] + padding + "}"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Query", JsonNode.Parse(text)!["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Utf8_request_and_response()
    {
        var (status, response, text) = await SendAsync(PostJson(new { query = """{ __type(name: "Run🏃Swim🏊") { name } }""" }, Json));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertMediaType(response, Json);
        var body = JsonNode.Parse(text)!;
        Assert.Null(body["errors"]);
        Assert.Null(body["data"]!["__type"]);
    }

    /// <summary>A stream without a length, so that HttpClient sends the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
