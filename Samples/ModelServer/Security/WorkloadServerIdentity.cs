using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>
/// The stand-alone server's mesh identity: the workload certificate <see cref="MeshIdentityService"/> obtained from the
/// mesh CA (renewed inside <see cref="WorkloadIdentity"/>), and its trust bundle and revocation list for clients.
/// Until the first certificate arrives, handshakes fail and clients are refused.
/// </summary>
internal sealed class WorkloadServerIdentity : IMeshServerIdentity
{
    private volatile WorkloadIdentity? _workload;

    /// <summary>The workload identity once it holds a certificate.</summary>
    public WorkloadIdentity? Workload
    {
        get => _workload;
        set => _workload = value;
    }

    public X509Certificate2? ServerCertificate => _workload?.Current;

    public bool IsTrustedClient(X509Certificate2 certificate, X509Chain? chain) =>
        _workload is { } workload && workload.Trust.Verify(certificate, chain?.ChainPolicy.ExtraStore).Accepted;
}
