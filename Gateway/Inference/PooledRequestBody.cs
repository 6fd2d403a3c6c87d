using System.Buffers;

namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// A request body read into a pooled array, replacing <see cref="HttpRequest.Body"/>. Seekable, so the retry layer's
/// <c>EnableBuffering</c> keeps it as it is (no second buffer) and a retry rewinds it. The array goes back to the pool
/// when the request's registered disposables are disposed, after the response.
/// </summary>
internal sealed class PooledRequestBody : MemoryStream
{
    private byte[]? _buffer;

    public PooledRequestBody(byte[] buffer, int length)
        : base(buffer, 0, length, writable: false, publiclyVisible: false)
    {
        _buffer = buffer;
    }

    /// <summary>The body's bytes; valid until disposed.</summary>
    public ReadOnlySpan<byte> Span => _buffer is { } buffer ? buffer.AsSpan(0, (int)Length) : throw new ObjectDisposedException(nameof(PooledRequestBody));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
