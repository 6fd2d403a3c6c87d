using System.Collections.Concurrent;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// Hands out one <see cref="EndpointState"/> per endpoint address across snapshots, and remembers when endpoints
/// joined their clusters (<see cref="Membership"/>).
/// </summary>
internal sealed class EndpointStateCache(TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, EndpointState> _states = new(StringComparer.Ordinal);

    /// <summary>When each endpoint joined each cluster, for slow start.</summary>
    public ClusterMembership Membership { get; } = new(time ?? TimeProvider.System);

    public EndpointState Get(string destinationPrefix) => _states.GetOrAdd(destinationPrefix, static _ => new EndpointState());

    /// <summary>Forgets endpoints no snapshot uses any more, so removed endpoints do not accumulate.</summary>
    public void Retain(IReadOnlySet<string> liveDestinationPrefixes)
    {
        foreach (var key in _states.Keys)
        {
            if (!liveDestinationPrefixes.Contains(key))
            {
                _states.TryRemove(key, out _);
            }
        }
    }
}
