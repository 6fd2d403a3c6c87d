using System.IO.Pipelines;

namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// The connection's output as the HTTP server writes it: passed straight to the transport, except that the status of
/// a response to an upgrade request is read on the way (<see cref="ResponseStatusWatch"/>), and that completing it is
/// left to <see cref="FramingConnectionMiddleware"/>, which may still have to answer a refused request head.
/// </summary>
internal sealed class FramingPipeWriter(PipeWriter inner, ResponseStatusWatch watch) : PipeWriter
{
    private Memory<byte> _memory;

    /// <summary>The server completed its output: with this exception, or null.</summary>
    public bool Completed { get; private set; }

    public Exception? CompletedWith { get; private set; }

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) => _memory = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        if (watch.IsArmed)
        {
            watch.Observe(_memory.Span[..bytes]);
        }

        // Let go of the transport's block once it is written: kept until the next write, it held a 4 KB pooled block
        // alive for every open connection whose response waits between writes (an SSE stream between tokens), even
        // after the transport's pool had dropped it.
        _memory = default;
        inner.Advance(bytes);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        if (watch.IsArmed)
        {
            watch.Observe(source.Span);
        }

        return inner.WriteAsync(source, cancellationToken);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Completed = true;
        CompletedWith = exception;
    }
}
