using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// The connection's input as the HTTP server reads it: the transport's bytes, but only as far as
/// <see cref="Http1RequestFraming"/> has accepted them, and ended at the first violation. Nothing is copied: the
/// server gets slices of the transport's own buffers.
/// </summary>
internal sealed class FramingPipeReader(PipeReader inner, Http1RequestFraming framing) : PipeReader
{
    private ReadOnlySequence<byte> _buffer;

    // Counted from the start of the transport's unconsumed bytes: how many the server may read, and has looked at.
    private long _passed;
    private long _serverExamined;

    /// <summary>The server was shown the end of the connection because of a violation in a request head.</summary>
    public bool EndedAtHeadViolation { get; private set; }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
        framing.State == FramingState.PassThrough ? inner.ReadAsync(cancellationToken) : ReadCheckedAsync(cancellationToken);

    public override bool TryRead(out ReadResult result)
    {
        if (framing.State == FramingState.PassThrough)
        {
            return inner.TryRead(out result);
        }

        if (!inner.TryRead(out var read))
        {
            result = default;
            return false;
        }

        if (Check(read, out result))
        {
            return true;
        }

        inner.AdvanceTo(_buffer.Start);
        _buffer = default;
        return false;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        if (framing.State != FramingState.PassThrough && _buffer.Length > 0)
        {
            var consumedBytes = _buffer.Slice(0, consumed).Length;
            _serverExamined = _buffer.Slice(0, examined).Length - consumedBytes;
            _passed -= consumedBytes;
        }

        _buffer = default;
        inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    // Pooled: a keep-alive connection waits here for every request, and each wait would allocate a state machine.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadResult> ReadCheckedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await inner.ReadAsync(cancellationToken);
            if (Check(read, out var result))
            {
                return result;
            }

            // Only bytes held back (an unfinished head) are new: wait for more from the client.
            inner.AdvanceTo(_buffer.Start, _buffer.End);
            _buffer = default;
        }
    }

    // False when nothing new can be shown to the server yet.
    private bool Check(in ReadResult read, out ReadResult result)
    {
        _buffer = read.Buffer;
        _passed += framing.Examine(_buffer.Slice(_passed), serverIdle: _passed == 0);
        if (framing.State == FramingState.PassThrough)
        {
            result = read;
            return true;
        }

        var failed = framing.State == FramingState.Failed;
        if (_passed > _serverExamined || read.IsCanceled)
        {
            result = new ReadResult(_buffer.Slice(0, _passed), read.IsCanceled, isCompleted: read.IsCompleted && _passed == _buffer.Length);
            return true;
        }

        if (failed && framing.Violation is { InBody: true } violation)
        {
            // Kestrel closes a connection whose input ends mid-body without sending what was written to it; a failed
            // read instead reaches the application (which answers 400) and ends the connection after the response.
            inner.AdvanceTo(_buffer.Start);
            _buffer = default;
            throw new BadHttpRequestException(violation.Message, violation.StatusCode);
        }

        if (failed || read.IsCompleted)
        {
            EndedAtHeadViolation |= failed;
            result = new ReadResult(_buffer.Slice(0, _passed), isCanceled: false, isCompleted: true);
            return true;
        }

        result = default;
        return false;
    }
}
