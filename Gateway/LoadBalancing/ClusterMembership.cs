using System.Collections.Frozen;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// When each endpoint joined each cluster, across snapshots: what slow start (<see cref="SlowStart"/>) ramps from.
/// As in Envoy, slow start applies to hosts added to a cluster that already exists: the endpoints a cluster has when
/// it first appears (and so every endpoint of the first snapshot a gateway loads) count as joined long ago (0).
/// Read and replaced only while a snapshot is compiled, never on the request path.
/// </summary>
internal sealed class ClusterMembership(TimeProvider time)
{
    private volatile FrozenDictionary<string, FrozenDictionary<string, long>> _committed =
        FrozenDictionary<string, FrozenDictionary<string, long>>.Empty;

    /// <summary>The clock the join times are on; the request path compares against it.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>
    /// When <paramref name="endpoint"/> joined <paramref name="cluster"/> as of the last committed snapshot: its known
    /// time, now when the cluster existed without it, or 0 when the cluster is new.
    /// </summary>
    public long JoinedAt(string cluster, string endpoint)
    {
        if (!_committed.TryGetValue(cluster, out var members))
        {
            return 0;
        }

        return members.TryGetValue(endpoint, out var joined) ? joined : Time.GetTimestamp();
    }

    /// <summary>Adopts the members of the snapshot just compiled; clusters and endpoints it lacks are forgotten.</summary>
    public void Commit(IReadOnlyDictionary<string, Dictionary<string, long>> clusters)
    {
        _committed = clusters.ToFrozenDictionary(
            c => c.Key,
            c => c.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }
}
