using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Gateway.Security.Identity;

/// <summary>
/// The TLS side of upstream connections (Istio's ISTIO_MUTUAL): only endpoints the cluster builder gave an
/// <c>https://</c> prefix use TLS, and those are the ISTIO_MUTUAL ones. The gateway presents its current mesh
/// certificate (read per handshake, so a renewal applies to the next connection while open ones finish) and accepts
/// a server only if its chain leads to the mesh roots, it is not revoked and it carries a SPIFFE ID of the mesh's
/// trust domain. The expected identity is not pinned per service: endpoints carry no service account in the
/// registry, so, as Istio does when it knows none, any identity of the trust domain is accepted.
/// </summary>
internal sealed class UpstreamTls(GatewayIdentity identity)
{
    /// <summary>Sets <paramref name="handler"/>'s TLS options to the mesh's.</summary>
    public void Apply(SocketsHttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            LocalCertificateSelectionCallback = SelectCertificate,
            RemoteCertificateValidationCallback = ValidateServer,
        };
    }

    private X509Certificate? SelectCertificate(object sender, string targetHost, X509CertificateCollection localCertificates, X509Certificate? remoteCertificate, string[] acceptableIssuers)
        => identity.Workload?.Current;

    // The peer's name is its SPIFFE ID, not the endpoint's address: SslPolicyErrors' name mismatch is expected and
    // ignored; the chain is rebuilt against the mesh roots alone.
    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (identity.Workload is not { } workload || certificate is null)
        {
            return false;
        }

        var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        return workload.Trust.Verify(leaf, chain?.ChainPolicy.ExtraStore).Accepted;
    }
}
