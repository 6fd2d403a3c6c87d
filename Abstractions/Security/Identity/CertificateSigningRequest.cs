namespace OrleansMesh.Security.Identity;

/// <summary>A workload's request for a certificate: its CSR (signed with the key it keeps) and the identity it wants.</summary>
[GenerateSerializer, Immutable, Alias("om.CertificateSigningRequest")]
public sealed record CertificateSigningRequest
{
    /// <summary>The PKCS#10 request, PEM (<c>-----BEGIN CERTIFICATE REQUEST-----</c>) or base64 DER.</summary>
    [Id(0)] public string Csr { get; init; } = "";

    /// <summary>The SPIFFE ID requested; the CSR's only URI SAN must equal it.</summary>
    [Id(1)] public string SpiffeId { get; init; } = "";

    /// <summary>Requested lifetime; null for the CA's default (24 h unless configured). Capped at the CA's maximum.</summary>
    [Id(2)] public TimeSpan? Ttl { get; init; }
}
