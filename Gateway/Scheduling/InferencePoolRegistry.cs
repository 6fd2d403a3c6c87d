using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OrleansMesh.Inference;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// The pools this gateway serves, by pool host: made when a snapshot with the pool is compiled, kept across snapshots,
/// dropped when a served snapshot no longer has it. The reporter walks it; pushes land in it.
/// </summary>
internal sealed class InferencePoolRegistry(IOptions<InferencePickerOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PoolState> _pools = new(StringComparer.OrdinalIgnoreCase);

    public InferencePickerOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public IEnumerable<PoolState> Pools => _pools.Values;

    public bool IsEmpty => _pools.IsEmpty;

    public PoolState Get(string host) => _pools.GetOrAdd(host, h => new PoolState(h, Options, Time));

    public PoolState? Find(string host) => _pools.GetValueOrDefault(host);

    public void Apply(PoolLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        Find(load.Pool)?.Apply(load);
    }

    public void ApplyInFlight(PoolInFlight inFlight, string gatewayId)
    {
        ArgumentNullException.ThrowIfNull(inFlight);
        Find(inFlight.Pool)?.ApplyInFlight(inFlight, gatewayId);
    }

    /// <summary>Keeps the pools of the served snapshot with their members there, and forgets the others.</summary>
    public void Retain(IReadOnlyDictionary<string, ImmutableArray<string>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var (host, state) in _pools)
        {
            if (members.TryGetValue(host, out var current))
            {
                state.Retain(current);
            }
            else
            {
                _pools.TryRemove(host, out _);
            }
        }
    }
}
