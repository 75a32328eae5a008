using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PovertyGraph.Tests.Browser;

namespace PovertyGraph.Tests.Operations;

/// <summary>The built server as a process: asked to stop (SIGTERM) while a request is in flight, it still answers it.</summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_request_in_flight_when_shutdown_starts_still_gets_its_answer()
    {
        using var timeout = new CancellationTokenSource(Bound);
        await using var server = await ServerProcess.StartAsync(new ServerStartOptions(Arguments:
        [
            "--Shutdown:TimeoutSeconds=30",
            // Kestrel logs each request's start at Information: the test waits for that line.
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information",
        ]), timeout.Token);

        // A request whose body arrives in two parts: it is in flight until the test sends the second part.
        var json = Encoding.UTF8.GetBytes("""{"query":"{ counties(first: 1) { totalCount } }"}""");
        var secondPart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Bound };
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql?probe=shutdown")
        {
            Content = new TwoPartContent(json, json.Length / 2, secondPart.Task),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var answer = http.SendAsync(request, timeout.Token);

        await server.WaitForLogAsync("probe=shutdown", timeout.Token);
        var exit = server.TerminateAsync(timeout.Token);
        await server.WaitForLogAsync("Application is shutting down", timeout.Token);
        Assert.False(answer.IsCompleted);

        secondPart.SetResult();
        using var response = await answer;
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.Parse(body)!["data"]!["counties"]!["totalCount"]!.GetValue<int>() > 0, body);
        Assert.Equal(0, await exit);
    }

    /// <summary>A body with a known length, sent as a first part now and the rest once <c>release</c> completes.</summary>
    private sealed class TwoPartContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly int _firstPart;
        private readonly Task _release;

        public TwoPartContent(byte[] bytes, int firstPart, Task release)
        {
            (_bytes, _firstPart, _release) = (bytes, firstPart, release);
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, _firstPart));
            await stream.FlushAsync();
            await _release;
            await stream.WriteAsync(_bytes.AsMemory(_firstPart));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
