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
    private TaskCompletionSource _added = NewSource();

    public InferencePickerOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public IEnumerable<PoolState> Pools => _pools.Values;

    public bool IsEmpty => _pools.IsEmpty;

    public PoolState Get(string host)
    {
        var state = _pools.GetOrAdd(host, h => new PoolState(h, Options, Time));
        Volatile.Read(ref _added).TrySetResult();
        return state;
    }

    /// <summary>Completes once the gateway serves a pool: the reporter waits here, with no timer, while it serves none.</summary>
    public async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        while (IsEmpty)
        {
            var added = Volatile.Read(ref _added);
            if (!IsEmpty)
            {
                return;
            }

            if (added.Task.IsCompleted)
            {
                // A pool was added and dropped since: wait for the next.
                Interlocked.CompareExchange(ref _added, NewSource(), added);
                continue;
            }

            await added.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

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

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
