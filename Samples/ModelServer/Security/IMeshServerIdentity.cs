using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>
/// The model server's mesh identity, supplied by its host (the dev mesh or a test wires the mesh CA's
/// <c>WorkloadIdentity</c> to it): the certificate to present, read on every handshake so a renewal applies to the next
/// connection, and the check of client certificates (mesh roots, not revoked, a SPIFFE ID of the trust domain).
/// </summary>
internal interface IMeshServerIdentity
{
    /// <summary>The current certificate with its private key, or null before the first one (handshakes then fail).</summary>
    X509Certificate2? ServerCertificate { get; }

    /// <summary>Whether a client certificate is a valid, unrevoked mesh workload certificate.</summary>
    bool IsTrustedClient(X509Certificate2 certificate, X509Chain? chain);
}
