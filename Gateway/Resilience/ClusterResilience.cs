using OrleansMesh.Gateway.Security.Identity;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// The per-gateway limits of one upstream cluster (Envoy's circuit-breaker thresholds) and, when its settings need
/// one, its own connection pool. Outlives snapshots while its policy is unchanged.
/// </summary>
internal sealed class ClusterResilience : IDisposable
{
    private readonly int _maxRequestsPerConnection;
    private int _sent;

    public ClusterResilience(ConnectionPoolPolicy? policy, bool http2, HttpMessageInvoker? invoker, UpstreamTlsPolicy? tls = null)
    {
        Policy = policy;
        Tls = tls;
        Invoker = invoker;
        Requests = policy?.AdmissionLimit(http2) is { } limit ? new ConcurrencyLimiter(limit) : null;
        Retries = policy?.MaxRetries is { } retries ? new ConcurrencyLimiter(retries) : null;
        _maxRequestsPerConnection = http2 ? 0 : policy?.MaxRequestsPerConnection ?? 0;
    }

    /// <summary>No limits and the shared pool: what a cluster without <c>connectionPool</c> gets.</summary>
    public static ClusterResilience Unlimited { get; } = new(null, false, null);

    public ConnectionPoolPolicy? Policy { get; }

    /// <summary>The cluster's own TLS (SIMPLE, MUTUAL, or ISTIO_MUTUAL with pinned names), or null.</summary>
    public UpstreamTlsPolicy? Tls { get; }

    /// <summary>Requests in flight (and pending), or null when unlimited.</summary>
    public ConcurrencyLimiter? Requests { get; }

    /// <summary>Retries in flight (<c>http.maxRetries</c>), or null when unlimited.</summary>
    public ConcurrencyLimiter? Retries { get; }

    /// <summary>The cluster's own client, or null to use the gateway's shared one.</summary>
    public HttpMessageInvoker? Invoker { get; }

    /// <summary>
    /// Whether this request should close its connection after it (<c>maxRequestsPerConnection</c>). SocketsHttpHandler
    /// does not say which pooled connection a request uses, so every N-th request of the cluster closes its connection:
    /// exact for 1 (no keep-alive), on average N per connection otherwise.
    /// </summary>
    public bool ShouldCloseConnection()
    {
        var max = _maxRequestsPerConnection;
        return max == 1 || (max > 1 && Interlocked.Increment(ref _sent) % max == 0);
    }

    public void Dispose() => Invoker?.Dispose();
}
