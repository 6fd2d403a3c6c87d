namespace OrleansMesh.Security.Identity;

/// <summary>
/// A workload's request for a certificate: its CSR (signed with the key it keeps), the identity it wants, and the
/// credential that entitles it to that identity — a join token for the first certificate, or its current certificate
/// and a <see cref="RenewalProof"/> for a renewal (see the identity README).
/// </summary>
[GenerateSerializer, Immutable, Alias("om.CertificateSigningRequest")]
public sealed record CertificateSigningRequest
{
    /// <summary>The PKCS#10 request, PEM (<c>-----BEGIN CERTIFICATE REQUEST-----</c>) or base64 DER.</summary>
    [Id(0)] public string Csr { get; init; } = "";

    /// <summary>The SPIFFE ID requested; the CSR's only URI SAN must equal it.</summary>
    [Id(1)] public string SpiffeId { get; init; } = "";

    /// <summary>Requested lifetime; null for the CA's default (24 h unless configured). Capped at the CA's maximum.</summary>
    [Id(2)] public TimeSpan? Ttl { get; init; }

    /// <summary>
    /// A join token (<c>meshctl identity token create</c>) for exactly the requested namespace and service account; null
    /// when the request renews with <see cref="CurrentCertificatePem"/> instead.
    /// </summary>
    [Id(3)] public string? JoinToken { get; init; }

    /// <summary>For a renewal: the workload's current leaf certificate (PEM), issued by this CA for the same SPIFFE ID.</summary>
    [Id(4)] public string? CurrentCertificatePem { get; init; }

    /// <summary>For a renewal: <see cref="RenewalProof.Create"/> over <see cref="Csr"/> with the current certificate's private key.</summary>
    [Id(5)] public string? RenewalProof { get; init; }
}
