using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>The CA grain's durable state. The key lives here and nowhere else: no grain method returns it.</summary>
[GenerateSerializer, Alias("om.CertificateAuthorityState")]
internal sealed class CertificateAuthorityState
{
    /// <summary>The CA's private key, PKCS#8 DER; null before the first activation.</summary>
    [Id(0)] public byte[]? KeyPkcs8 { get; set; }

    /// <summary>The CA's own certificate (self-signed root or intermediate), PEM.</summary>
    [Id(1)] public string? CaCertificatePem { get; set; }

    /// <summary>The operator's root when the CA is an intermediate, PEM; null for a self-signed root.</summary>
    [Id(2)] public string? OperatorRootPem { get; set; }

    /// <summary>Issued certificates not yet expired (revoked ones included), by serial.</summary>
    [Id(3)] public Dictionary<string, IssuedCertificate> Issued { get; set; } = new(StringComparer.Ordinal);
}
