using System.Collections.Concurrent;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Health;

/// <summary>
/// The destinations whose health this gateway tracks, by <see cref="DestinationKey"/>, kept across config snapshots,
/// and the wake-up signal the request path gives the reporter when an outcome should not wait for the next tick.
/// </summary>
internal sealed class HealthRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DestinationHealthState> _states = new(StringComparer.Ordinal);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ICollection<DestinationHealthState> States => _states.Values;

    public DestinationHealthState Get(string key) => _states.GetOrAdd(key, k => new DestinationHealthState(k, this, time));

    public DestinationHealthState? Find(string key) => _states.GetValueOrDefault(key);

    /// <summary>Forgets destinations no longer in the config.</summary>
    public void Retain(IReadOnlySet<string> keys)
    {
        foreach (var key in _states.Keys)
        {
            if (!keys.Contains(key))
            {
                _states.TryRemove(key, out _);
            }
        }
    }

    public void Apply(DestinationHealth health)
    {
        if (_states.TryGetValue(health.Destination, out var state))
        {
            state.Apply(health);
        }
    }

    public void Signal() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>Waits for a signal or <paramref name="interval"/>, then re-arms the signal.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var wake = Volatile.Read(ref _wake);
        if (!wake.Task.IsCompleted)
        {
            await Task.WhenAny(wake.Task, Task.Delay(interval, time, cancellationToken)).ConfigureAwait(false);
        }

        // Re-armed before the caller scans for work, so a signal given during the scan wakes the next wait.
        Interlocked.CompareExchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), wake);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
