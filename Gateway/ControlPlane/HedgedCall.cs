namespace OrleansMesh.Gateway.ControlPlane;

/// <summary>
/// Runs a small idempotent control-plane call and, while it has not answered, starts it again every
/// <c>hedgeAfter</c> beside the attempts still pending; the first answer wins. A call sent to an activation on a
/// silo that was just killed never answers (Orleans' client does not fail it when the silo is declared dead), but an
/// attempt started after the declaration reaches the grain's new activation at once.
/// </summary>
internal static class HedgedCall
{
    /// <exception cref="TimeoutException">No attempt answered within <paramref name="timeout"/>; the last failure is the inner exception.</exception>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, TimeSpan hedgeAfter, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(timeout, time, stop.Token);
        var pending = new List<Task<T>>();
        Exception? lastFailure = null;
        try
        {
            while (true)
            {
                pending.Add(Start(call));
                var hedge = Task.Delay(hedgeAfter, time, stop.Token);
                while (true)
                {
                    var done = await Task.WhenAny([.. pending, hedge, deadline]);
                    if (done == deadline)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        throw new TimeoutException($"no answer from the control plane within {timeout} ({pending.Count} attempt(s) pending)", lastFailure);
                    }

                    if (done == hedge)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        break;
                    }

                    var attempt = (Task<T>)done;
                    pending.Remove(attempt);
                    if (attempt.IsCompletedSuccessfully)
                    {
                        return attempt.Result;
                    }

                    // Failed at once (a rejection): the next attempt starts with the next hedge, not in a tight loop.
                    lastFailure = attempt.Exception?.GetBaseException() ?? new OperationCanceledException();
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var abandoned in pending)
            {
                // Observed, so an attempt that fails after we stopped waiting is not an unobserved task exception.
                _ = abandoned.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
    }

    private static Task<T> Start<T>(Func<Task<T>> call)
    {
        try
        {
            return call();
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }
}
