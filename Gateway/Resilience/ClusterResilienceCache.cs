using OrleansMesh.Gateway.Security.Identity;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// Hands out one <see cref="ClusterResilience"/> per cluster across snapshots, so that a config push keeps the
/// counters and connections of clusters whose <c>connectionPool</c> did not change. A replaced or removed one is
/// disposed only after <see cref="RetireAfter"/>: requests of the old snapshot may still be using its pool.
/// Used by the snapshot compiler, one compile at a time. <c>configureHandler</c> (upstream TLS: the mesh's, or the
/// cluster's own <see cref="UpstreamTlsPolicy"/>) is applied to every pool it creates.
/// </summary>
internal sealed class ClusterResilienceCache(TimeProvider time, TimeSpan defaultConnectTimeout, TimeSpan defaultIdleTimeout, Action<SocketsHttpHandler, UpstreamTlsPolicy?>? configureHandler = null)
{
    /// <summary>Longer than a request may stream (the forwarder's activity timeout).</summary>
    public static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, ClusterResilience> _live = new(StringComparer.Ordinal);
    private readonly List<(ClusterResilience Cluster, DateTimeOffset At)> _retired = [];
    private readonly Lock _gate = new();

    public ClusterResilience Get(string clusterName, ConnectionPoolPolicy? policy, bool http2, UpstreamTlsPolicy? tls = null)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        if (policy is null && tls is null)
        {
            return ClusterResilience.Unlimited;
        }

        lock (_gate)
        {
            if (_live.TryGetValue(clusterName, out var existing) && existing.Policy == policy && existing.Tls == tls)
            {
                return existing;
            }

            if (existing is not null)
            {
                _retired.Add((existing, time.GetUtcNow()));
            }

            var invoker = policy?.NeedsOwnPool == true || tls is not null
                ? UpstreamHandlerFactory.Create(clusterName, policy ?? new ConnectionPoolPolicy(), defaultConnectTimeout, defaultIdleTimeout, configureHandler is null ? null : handler => configureHandler(handler, tls))
                : null;
            var created = new ClusterResilience(policy, http2, invoker, tls);
            _live[clusterName] = created;
            return created;
        }
    }

    /// <summary>Retires the clusters no snapshot uses any more, and disposes those retired long enough ago.</summary>
    public void Retain(IReadOnlySet<string> liveClusterNames)
    {
        ArgumentNullException.ThrowIfNull(liveClusterNames);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var name in _live.Keys.Where(n => !liveClusterNames.Contains(n)).ToArray())
            {
                _retired.Add((_live[name], now));
                _live.Remove(name);
            }

            foreach (var (cluster, _) in _retired.Where(r => now - r.At >= RetireAfter))
            {
                cluster.Dispose();
            }

            _retired.RemoveAll(r => now - r.At >= RetireAfter);
        }
    }
}
