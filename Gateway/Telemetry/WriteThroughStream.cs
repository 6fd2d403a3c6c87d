namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// A response body that passes every write straight on to the client's stream (Kestrel's, which sends it at once),
/// then shows the written bytes to <see cref="OnWritten"/>. Nothing is held back, so server-sent events keep their timing.
/// </summary>
internal abstract class WriteThroughStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        OnWritten(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // The write is issued first, so looking at the bytes never delays them; the caller keeps the buffer unchanged
        // until the returned task completes, so OnWritten sees exactly what was written.
        var write = inner.WriteAsync(buffer, cancellationToken);
        OnWritten(buffer.Span);
        return write;
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Called after each write was passed on, with the bytes written.</summary>
    protected abstract void OnWritten(ReadOnlySpan<byte> written);
}
