using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Security.Identity;

/// <summary>Creates a workload's key pair (ECDSA P-256) and its CSR: empty subject, the SPIFFE ID as only URI SAN.</summary>
public static class WorkloadCsr
{
    /// <summary>A new key and the PEM CSR signed with it. The key never leaves the caller.</summary>
    public static (ECDsa Key, string CsrPem) Create(SpiffeId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(""), key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri(id.ToString()));
        request.CertificateExtensions.Add(san.Build(critical: true));
        return (key, request.CreateSigningRequestPem());
    }
}
