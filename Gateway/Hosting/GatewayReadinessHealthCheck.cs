using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansMesh.Gateway.Snapshot;

namespace OrleansMesh.Gateway.Hosting;

/// <summary>
/// Ready once the gateway holds a full config snapshot: before that every request would get 503 <c>NC</c>, so a
/// load balancer must not send it traffic. Stays ready when the control plane goes away (the last config keeps serving).
/// </summary>
internal sealed class GatewayReadinessHealthCheck(GatewaySnapshotStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsLoaded
            ? HealthCheckResult.Healthy($"config generation {store.Current.Generation}")
            : HealthCheckResult.Unhealthy("no config received from the control plane yet"));
}
