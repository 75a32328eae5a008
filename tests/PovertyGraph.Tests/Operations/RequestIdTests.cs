using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using PovertyGraph.Server.Telemetry;

namespace PovertyGraph.Tests.Operations;

/// <summary>The request ID: on every response, in every GraphQL error, and in the scope of every log line of the request.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestIdTests(PovertyGraphFactory factory)
{
    [Fact]
    public async Task Every_error_carries_the_request_id_of_the_response_header()
    {
        using var client = factory.CreateClient();
        var seen = new HashSet<string>();
        foreach (var (body, token) in new (string, string?)[]
                 {
                     ("""{"query":"{ noSuchField }"}""", null),           // validation error
                     ("""{"query":"{ villages(first: 100000) { totalCount } }"}""", null), // field error in an executed operation
                     ("""{"query":""", null),                               // malformed JSON: the handler's own error
                     ("""{"query":"{ __typename }"}""", "not-a-token"),   // 401 from authentication
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            var id = Assert.Single(response.Headers.GetValues(RequestIdMiddleware.HeaderName));
            Assert.False(string.IsNullOrWhiteSpace(id));
            Assert.True(seen.Add(id), $"request ID {id} was given twice");
            var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Equal(id, (string?)e!["extensions"]!["requestId"]));
        }
    }

    [Fact]
    public async Task A_successful_answer_has_the_header_and_no_error()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/graphql?query={__typename}");
        Assert.Single(response.Headers.GetValues(RequestIdMiddleware.HeaderName));
        Assert.Null(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]);
    }

    [Fact]
    public async Task The_log_lines_of_a_request_have_its_request_id_in_their_scope()
    {
        var capture = new CapturingLoggerProvider();
        await using var server = new OperationsFactory("logs", configure: host => host.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        using var response = await client.SendAsync(request);
        var id = Assert.Single(response.Headers.GetValues(RequestIdMiddleware.HeaderName));

        var line = Assert.Single(capture.Entries, e => e.Message.StartsWith("Bearer token rejected", StringComparison.Ordinal));
        Assert.Equal(id, line.Scope["RequestId"]);
        Assert.Equal("/graphql", line.Scope["RequestPath"]);
        Assert.Matches("^[0-9a-f]{32}$", line.Scope["TraceId"]);
    }

    /// <summary>Keeps each log entry with the scope values it was written in.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Message, Dictionary<string, string?> Scope)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, string?>();
                provider._scopes.ForEachScope((value, values) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, item) in pairs) values[key] = item?.ToString();
                }, scope);
                provider.Entries.Enqueue((formatter(state, exception), scope));
            }
        }
    }
}
