using OrleansMesh.Security.Identity;

namespace OrleansMesh.Gateway.Security.Identity;

/// <summary>
/// The gateway's mesh identity once it has one. Upstream handlers are built before the first certificate arrives, so
/// they read it from here on every TLS handshake.
/// </summary>
internal sealed class GatewayIdentity
{
    private volatile WorkloadIdentity? _workload;

    /// <summary>The workload identity after its first certificate, or null.</summary>
    public WorkloadIdentity? Workload
    {
        get => _workload;
        set => _workload = value;
    }
}
