using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// Admission to a chosen destination, in Envoy's order: an endpoint to send to, the cluster-wide breaker as the
/// destination's grain last decided it (no grain call here), then the connection-pool limit. The destination's own
/// rate limits are checked between the first two (by <see cref="ResilientForwarder"/>, as they may wait).
/// </summary>
internal static class ClusterAdmission
{
    /// <summary>The refusal of a destination without endpoints, or null.</summary>
    public static Rejection? NoEndpoint(CompiledRoute route, UpstreamCluster cluster, bool delayed) =>
        cluster.Endpoints.Length == 0
            ? new Rejection(RejectionKind.NoHealthyUpstream, $"no healthy endpoint in {cluster.Name} (route {route.Name})") { Delayed = delayed }
            : null;

    /// <summary>
    /// Null when the breaker and the pool admit, with the breaker's word and the pool slot taken (to release once
    /// forwarded); else the refusal.
    /// </summary>
    public static Rejection? Admit(UpstreamCluster cluster, bool delayed, out Admission admission, out ConcurrencyLimiter? slot)
    {
        slot = null;
        admission = cluster.Health?.Admit() ?? Admission.Allowed;
        if (admission == Admission.Rejected)
        {
            var health = cluster.Health!;
            return new Rejection(RejectionKind.CircuitOpen, $"circuit breaker of {health.Key} is open: {health.View.Reason ?? "held open"}") { Delayed = delayed };
        }

        var limiter = cluster.Resilience.Requests;
        if (limiter is not null && !limiter.TryAcquire())
        {
            return new Rejection(RejectionKind.UpstreamOverflow, $"too many requests to {cluster.Name} (connectionPool limit {limiter.Limit})") { Delayed = delayed };
        }

        slot = limiter;
        return null;
    }
}
