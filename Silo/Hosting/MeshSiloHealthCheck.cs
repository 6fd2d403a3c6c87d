using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansMesh.Silo.Hosting;

/// <summary>
/// Healthy while this silo is an active member of the cluster: not while it is still joining, nor once the cluster
/// has declared it dead or it is shutting down.
/// </summary>
internal sealed class MeshSiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status}"));
    }
}
