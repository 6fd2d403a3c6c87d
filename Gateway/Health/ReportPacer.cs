namespace OrleansMesh.Gateway.Health;

/// <summary>
/// When the health reporter runs: at once for what cannot wait (failures, probe outcomes, a report due), at the report
/// interval for what can (successes), and not at all while nothing is pending — an idle gateway sets no timer.
/// One reporter waits at a time; the request path only signals.
/// </summary>
internal sealed class ReportPacer(TimeProvider time)
{
    private TaskCompletionSource _urgent = NewSource();
    private TaskCompletionSource _work = NewSource();
    private long _nextTick;

    /// <summary>Wakes the reporter now.</summary>
    public void Urgent()
    {
        Volatile.Read(ref _urgent).TrySetResult();
        Volatile.Read(ref _work).TrySetResult();
    }

    /// <summary>Wakes an idle reporter, which then waits out the interval so that outcomes go in one batch.</summary>
    public void Pending() => Volatile.Read(ref _work).TrySetResult();

    /// <summary>
    /// Waits for the next run: returns true when the interval's tick is due (report everything pending), false when
    /// woken early by <see cref="Urgent"/> (report only what cannot wait). With <paramref name="idle"/> (nothing pending,
    /// nothing in flight) it first waits for a signal, with no timer. An early wake does not move the tick.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan interval, bool idle, CancellationToken cancellationToken)
    {
        var work = Volatile.Read(ref _work);
        if (idle && !work.Task.IsCompleted)
        {
            await work.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetTimestamp();
        var every = (long)(interval.TotalSeconds * time.TimestampFrequency);
        if (idle)
        {
            // The batch starts with its first outcome.
            _nextTick = Math.Max(_nextTick, now + every);
        }

        var urgent = Volatile.Read(ref _urgent);
        if (!urgent.Task.IsCompleted && _nextTick > now)
        {
            await Task.WhenAny(urgent.Task, Task.Delay(time.GetElapsedTime(now, _nextTick), time, cancellationToken)).ConfigureAwait(false);
        }

        now = time.GetTimestamp();
        var ticked = now >= _nextTick;
        if (ticked)
        {
            _nextTick = now + every;
        }

        // Re-armed before the caller scans for work, so a signal given during the scan wakes the next wait.
        Rearm(ref _work, work);
        Rearm(ref _urgent, urgent);
        cancellationToken.ThrowIfCancellationRequested();
        return ticked;
    }

    private static void Rearm(ref TaskCompletionSource field, TaskCompletionSource seen)
    {
        if (seen.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref field, NewSource(), seen);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
