using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// The connection's input as the HTTP server reads it: the transport's bytes, but only as far as
/// <see cref="Http1RequestFraming"/> has accepted them, and ended at the first violation. Nothing is copied: the
/// server gets slices of the transport's own buffers. A read that has to wait for the client completes through one
/// reusable <see cref="IValueTaskSource{TResult}"/> (a pipe has one read outstanding at a time): a keep-alive
/// connection waits here before every request, and an async method would allocate its state machine each time.
/// </summary>
internal sealed class FramingPipeReader : PipeReader, IValueTaskSource<ReadResult>
{
    private readonly PipeReader _inner;
    private readonly Http1RequestFraming _framing;
    private readonly Action _onInnerRead;
    private ManualResetValueTaskSourceCore<ReadResult> _read;
    private ValueTaskAwaiter<ReadResult> _innerRead;
    private CancellationToken _cancellation;
    private ReadOnlySequence<byte> _buffer;

    // Counted from the start of the transport's unconsumed bytes: how many the server may read, and has looked at.
    private long _passed;
    private long _serverExamined;

    public FramingPipeReader(PipeReader inner, Http1RequestFraming framing)
    {
        _inner = inner;
        _framing = framing;
        _onInnerRead = OnInnerRead;
    }

    /// <summary>The server was shown the end of the connection because of a violation in a request head.</summary>
    public bool EndedAtHeadViolation { get; private set; }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
        _framing.State == FramingState.PassThrough ? _inner.ReadAsync(cancellationToken) : ReadCheckedAsync(cancellationToken);

    public override bool TryRead(out ReadResult result)
    {
        if (_framing.State == FramingState.PassThrough)
        {
            return _inner.TryRead(out result);
        }

        if (!_inner.TryRead(out var read))
        {
            result = default;
            return false;
        }

        if (Check(read, out result))
        {
            return true;
        }

        _inner.AdvanceTo(_buffer.Start);
        _buffer = default;
        return false;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        if (_framing.State != FramingState.PassThrough && _buffer.Length > 0)
        {
            var consumedBytes = _buffer.Slice(0, consumed).Length;
            _serverExamined = _buffer.Slice(0, examined).Length - consumedBytes;
            _passed -= consumedBytes;
        }

        _buffer = default;
        _inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => _inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);

    ReadResult IValueTaskSource<ReadResult>.GetResult(short token) => _read.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<ReadResult>.GetStatus(short token) => _read.GetStatus(token);

    void IValueTaskSource<ReadResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _read.OnCompleted(continuation, state, token, flags);

    private ValueTask<ReadResult> ReadCheckedAsync(CancellationToken cancellationToken)
    {
        _read.Reset();
        _cancellation = cancellationToken;
        try
        {
            var read = _inner.ReadAsync(cancellationToken);
            if (!read.IsCompleted)
            {
                WaitFor(read);
            }
            else if (TryFinishRead(read.Result, out var result))
            {
                return new ValueTask<ReadResult>(result);
            }

            return new ValueTask<ReadResult>(this, _read.Version);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ReadResult>(exception);
        }
    }

    private void OnInnerRead()
    {
        ReadResult result;
        try
        {
            var read = _innerRead.GetResult();
            _innerRead = default;
            if (!TryFinishRead(read, out result))
            {
                return;
            }
        }
        catch (Exception exception)
        {
            _innerRead = default;
            _read.SetException(exception);
            return;
        }

        _read.SetResult(result);
    }

    // Checks a completed read of the transport, reading again while only held-back bytes came; false when it is
    // waiting for the client again (OnInnerRead carries on).
    private bool TryFinishRead(ReadResult read, out ReadResult result)
    {
        while (!Check(read, out result))
        {
            HoldBack();
            var next = _inner.ReadAsync(_cancellation);
            if (!next.IsCompleted)
            {
                WaitFor(next);
                return false;
            }

            read = next.Result;
        }

        return true;
    }

    private void WaitFor(ValueTask<ReadResult> read)
    {
        _innerRead = read.GetAwaiter();
        _innerRead.UnsafeOnCompleted(_onInnerRead);
    }

    // Only bytes held back (an unfinished head) are new: wait for more from the client.
    private void HoldBack()
    {
        _inner.AdvanceTo(_buffer.Start, _buffer.End);
        _buffer = default;
    }

    // False when nothing new can be shown to the server yet.
    private bool Check(in ReadResult read, out ReadResult result)
    {
        _buffer = read.Buffer;
        _passed += _framing.Examine(_buffer.Slice(_passed), serverIdle: _passed == 0);
        if (_framing.State == FramingState.PassThrough)
        {
            result = read;
            return true;
        }

        var failed = _framing.State == FramingState.Failed;
        if (_passed > _serverExamined || read.IsCanceled)
        {
            result = new ReadResult(_buffer.Slice(0, _passed), read.IsCanceled, isCompleted: read.IsCompleted && _passed == _buffer.Length);
            return true;
        }

        if (failed && _framing.Violation is { InBody: true } violation)
        {
            // Kestrel closes a connection whose input ends mid-body without sending what was written to it; a failed
            // read instead reaches the application (which answers 400) and ends the connection after the response.
            _inner.AdvanceTo(_buffer.Start);
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
