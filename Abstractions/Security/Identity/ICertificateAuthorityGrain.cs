using System.Collections.Immutable;

namespace OrleansMesh.Security.Identity;

/// <summary>
/// The mesh CA (Istio's istiod CA): signs short-lived workload certificates from CSRs, records what it issued and what
/// was revoked. Its signing key is created on first activation, persisted in grain storage and returned by no method.
/// One activation, key <see cref="DefaultKey"/>.
/// </summary>
[Alias("om.ICertificateAuthorityGrain")]
public interface ICertificateAuthorityGrain : IGrainWithStringKey
{
    /// <summary>The key of the mesh's single CA grain.</summary>
    public const string DefaultKey = "default";

    /// <summary>The root certificates (and intermediates) workloads verify peers against.</summary>
    [Alias("GetTrustBundle")]
    Task<TrustBundle> GetTrustBundleAsync();

    /// <summary>Validates the CSR and signs a certificate for the requested SPIFFE ID.</summary>
    /// <exception cref="ArgumentException">The CSR or the identity is refused; the message says why.</exception>
    [Alias("Sign")]
    Task<SignedCertificate> SignAsync(CertificateSigningRequest request);

    /// <summary>The certificates issued and not yet expired, revoked ones included.</summary>
    [Alias("ListIssued")]
    Task<ImmutableArray<IssuedCertificate>> ListIssuedAsync();

    /// <summary>Revokes a certificate by serial number (hex, any case); false when no unexpired certificate has it.</summary>
    [Alias("Revoke")]
    Task<bool> RevokeAsync(string serialNumber);

    /// <summary>Serial numbers (upper-case hex) of revoked certificates that have not expired yet.</summary>
    [Alias("GetRevoked")]
    Task<ImmutableArray<string>> GetRevokedAsync();
}
