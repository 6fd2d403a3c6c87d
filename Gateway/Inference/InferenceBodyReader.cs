using System.Buffers;

namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// Reads a request body into pooled memory, up to a limit: a Content-Length over the limit is refused before a byte is
/// read, a chunked body as soon as it passes the limit.
/// </summary>
internal static class InferenceBodyReader
{
    private const int InitialChunkedBuffer = 4096;

    public static async ValueTask<(PooledRequestBody? Body, InferenceError? Error)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = request.ContentLength;
        if (expected > limit)
        {
            return (null, InferenceError.TooLarge(limit));
        }

        if (expected == 0)
        {
            return (null, InferenceError.EmptyBody);
        }

        // A chunked body may grow to limit + 1 bytes: the extra byte tells "over the limit" from "exactly the limit".
        var buffer = ArrayPool<byte>.Shared.Rent(expected is { } length ? (int)length : Math.Min(InitialChunkedBuffer, limit + 1));
        var filled = 0;
        try
        {
            while (expected is null || filled < expected)
            {
                if (filled == buffer.Length)
                {
                    buffer = Grow(buffer, filled, Math.Min(buffer.Length * 2, limit + 1));
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(filled, (expected is { } total ? (int)total : buffer.Length) - filled), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                if (filled > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, InferenceError.TooLarge(limit));
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (filled == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, InferenceError.EmptyBody);
        }

        return (new PooledRequestBody(buffer, filled), null);
    }

    private static byte[] Grow(byte[] buffer, int filled, int size)
    {
        var grown = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, filled).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }
}
