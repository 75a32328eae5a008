using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// A minimal Chrome DevTools Protocol client over one WebSocket: commands by id, events kept in a log
/// and offered to subscribers. Only what the browser tests need.
/// </summary>
public sealed class CdpConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _closing = new();
    private Task? _receiveLoop;
    private int _nextId;

    /// <summary>Every event received, in order: (method, params).</summary>
    public ConcurrentQueue<(string Method, JsonElement Params)> Events { get; } = new();

    public event Action<string, JsonElement>? EventReceived;

    public static async Task<CdpConnection> ConnectAsync(Uri webSocketUrl, CancellationToken cancellation)
    {
        var connection = new CdpConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await connection._socket.ConnectAsync(webSocketUrl, cancellation);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        connection._receiveLoop = Task.Run(connection.ReceiveLoopAsync);
        return connection;
    }

    /// <summary>Sends a command and returns its result; a protocol error becomes an exception.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken cancellation)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _sendLock.WaitAsync(cancellation);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellation);
        }
        finally
        {
            _sendLock.Release();
        }
        using var registration = cancellation.Register(() => reply.TrySetCanceled(cancellation));
        try
        {
            return await reply.Task;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"CDP command {method} got no answer in time.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Evaluates an expression in the page (promises awaited) and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellation)
    {
        var result = await SendAsync("Runtime.evaluate",
            new { expression, returnByValue = true, awaitPromise = true, userGesture = true }, cancellation);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            var text = exception.TryGetProperty("exception", out var ex) && ex.TryGetProperty("description", out var description)
                ? description.GetString()
                : exception.GetProperty("text").GetString();
            throw new InvalidOperationException($"page script failed: {text}\nscript: {expression}");
        }
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? JsonNode.Parse(v.GetRawText()) : null;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_closing.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                    continue;
                Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            foreach (var pending in _pending.Values)
                pending.TrySetException(new InvalidOperationException("the DevTools connection to Chromium closed."));
        }
    }

    private void Dispatch(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement) && _pending.TryGetValue(idElement.GetInt32(), out var reply))
        {
            if (root.TryGetProperty("error", out var error))
                reply.TrySetException(new InvalidOperationException($"CDP error: {error.GetRawText()}"));
            else
                reply.TrySetResult(root.GetProperty("result").Clone());
            return;
        }
        if (root.TryGetProperty("method", out var method))
        {
            var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
            var name = method.GetString()!;
            Events.Enqueue((name, parameters));
            EventReceived?.Invoke(name, parameters);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        if (_receiveLoop is not null)
            await Task.WhenAny(_receiveLoop, Task.Delay(TimeSpan.FromSeconds(2)));
        _socket.Dispose();
        _sendLock.Dispose();
        _closing.Dispose();
    }

    /// <summary>The text of a page's console message or uncaught exception event, for diagnostics.</summary>
    public static string? Describe(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "Runtime.consoleAPICalled":
                var args = parameters.GetProperty("args").EnumerateArray()
                    .Select(a => a.TryGetProperty("value", out var v) ? v.ToString() : a.TryGetProperty("description", out var d) ? d.GetString() : a.GetRawText());
                return $"console.{parameters.GetProperty("type").GetString()}: {string.Join(' ', args)}";
            case "Runtime.exceptionThrown":
                var details = parameters.GetProperty("exceptionDetails");
                var text = details.TryGetProperty("exception", out var ex) && ex.TryGetProperty("description", out var description)
                    ? description.GetString()
                    : details.GetProperty("text").GetString();
                return $"uncaught: {text}";
            case "Log.entryAdded":
                var entry = parameters.GetProperty("entry");
                var url = entry.TryGetProperty("url", out var u) ? $" ({u.GetString()})" : "";
                return $"log.{entry.GetProperty("level").GetString()}: {entry.GetProperty("text").GetString()}{url}";
            case "Network.loadingFailed":
                return $"request failed: {parameters.GetProperty("errorText").GetString()} (request {parameters.GetProperty("requestId").GetString()})";
            default:
                return null;
        }
    }

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
