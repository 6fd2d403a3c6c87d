using OrleansMesh.Security.Identity;

namespace OrleansMesh.Gateway.Security.Identity;

/// <summary>
/// The gateway's mesh identity once it has one. Upstream handlers are built before the first certificate arrives, so
/// they read it from here on every TLS handshake.
/// </summary>
internal sealed class GatewayIdentity
{
    private volatile WorkloadIdentity? _workload;
    private volatile string? _lastFailure;

    /// <summary>The workload identity after its first certificate, or null.</summary>
    public WorkloadIdentity? Workload
    {
        get => _workload;
        set => _workload = value;
    }

    /// <summary>Why the last attempt to get the first certificate failed (e.g. the CA's refusal), or null; for logs and diagnostics.</summary>
    public string? LastFailure
    {
        get => _lastFailure;
        set => _lastFailure = value;
    }
}
