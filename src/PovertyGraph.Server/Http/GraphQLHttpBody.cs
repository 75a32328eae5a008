using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace PovertyGraph.Server.Http;

/// <summary>Reads a POST body into memory, refusing more than a limit.</summary>
internal static class GraphQLHttpBody
{
    public static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadAsync(HttpContext context, long maxBytes)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes)
            return (default, true);

        // Let the server stop reading at the limit as well (Kestrel answers 413 through BadHttpRequestException).
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false } && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > maxBytes + 1))
            sizeFeature.MaxRequestBodySize = maxBytes + 1;

        var initial = (int)Math.Min(request.ContentLength ?? 4096, maxBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 256));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted);
                if (read == 0)
                    break;
                length += read;
                if (length > maxBytes)
                    return (default, true);
            }
            return (buffer.AsSpan(0, length).ToArray(), false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
