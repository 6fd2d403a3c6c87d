using System.Collections.Concurrent;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Health;

/// <summary>
/// The destinations whose health this gateway tracks, by <see cref="DestinationKey"/>, kept across config snapshots,
/// and the signals the request path gives the reporter (<see cref="ReportPacer"/>).
/// </summary>
internal sealed class HealthRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DestinationHealthState> _states = new(StringComparer.Ordinal);
    private readonly ReportPacer _pacer = new(time);

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

    /// <summary>Wakes the reporter now: an outcome or request that should not wait for the next tick.</summary>
    public void Signal() => _pacer.Urgent();

    /// <summary>A destination has its first outcome since its last report: wakes an idle reporter for the next tick.</summary>
    public void NotePending() => _pacer.Pending();

    /// <summary>Whether any destination has outcomes or a probe request waiting for the reporter.</summary>
    public bool AnyPending()
    {
        foreach (var state in _states.Values)
        {
            if (state.HasPending || state.WantsProbes)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc cref="ReportPacer.WaitAsync"/>
    public Task<bool> WaitAsync(TimeSpan interval, bool idle, CancellationToken cancellationToken) =>
        _pacer.WaitAsync(interval, idle, cancellationToken);
}
