namespace OrleansMesh.Samples.ModelServer.Streaming;

/// <summary>
/// Counts streamed answers by outcome. Tests and benchmarks read it from <c>app.Services</c>, and can await an
/// outcome (a client disconnect seen by the server) instead of sleeping.
/// </summary>
internal sealed class StreamingCounters
{
    private long started;
    private long completed;
    private long cancelled;
    private TaskCompletionSource changed = NewSignal();

    public long Started => Interlocked.Read(ref started);

    public long Completed => Interlocked.Read(ref completed);

    /// <summary>Streams stopped because the client went away (<c>RequestAborted</c>).</summary>
    public long Cancelled => Interlocked.Read(ref cancelled);

    public void OnStarted() => Interlocked.Increment(ref started);

    public void OnCompleted()
    {
        Interlocked.Increment(ref completed);
        Signal();
    }

    public void OnCancelled()
    {
        Interlocked.Increment(ref cancelled);
        Signal();
    }

    /// <summary>Completes once at least <paramref name="count"/> streams have been cancelled.</summary>
    public async Task WaitForCancelledAsync(long count, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the signal before reading the count: an increment after the read completes this signal.
            var signal = Volatile.Read(ref changed).Task;
            if (Cancelled >= count)
            {
                return;
            }

            await signal.WaitAsync(cancellationToken);
        }
    }

    private void Signal() => Interlocked.Exchange(ref changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
