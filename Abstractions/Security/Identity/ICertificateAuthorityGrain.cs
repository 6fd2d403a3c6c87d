using System.Collections.Immutable;

namespace OrleansMesh.Security.Identity;

/// <summary>
/// The mesh CA (Istio's istiod CA): signs short-lived workload certificates from CSRs, records what it issued and what
/// was revoked. Its signing key is created on first activation, persisted in grain storage and returned by no method.
/// It signs only for a caller entitled to the identity: one holding a join token for it, one renewing with its current
/// certificate, or one carrying the mesh admin token (unless the CA is configured open, for a dev mesh).
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

    /// <summary>
    /// Validates the CSR and the caller's credential (<see cref="CertificateSigningRequest.JoinToken"/>, or
    /// <see cref="CertificateSigningRequest.CurrentCertificatePem"/> with <see cref="CertificateSigningRequest.RenewalProof"/>,
    /// or the mesh admin token) and signs a certificate for the requested SPIFFE ID.
    /// </summary>
    /// <exception cref="ArgumentException">The CSR or the identity is refused; the message says why.</exception>
    /// <exception cref="UnauthorizedAccessException">The credential is missing or refused; the message says what to send.</exception>
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

    /// <summary>
    /// Admin: creates a join token for <paramref name="namespace"/>/<paramref name="serviceAccount"/>, valid for
    /// <paramref name="ttl"/> (null: the CA's default, 24 h) and reusable until then by every replica of the workload.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not valid in a SPIFFE ID, or the lifetime is not positive or exceeds the CA's maximum.</exception>
    [Alias("CreateJoinToken")]
    Task<CreatedJoinToken> CreateJoinTokenAsync(string @namespace, string serviceAccount, TimeSpan? ttl);

    /// <summary>Admin: the unexpired join tokens, revoked ones included (never the tokens themselves).</summary>
    [Alias("ListJoinTokens")]
    Task<ImmutableArray<JoinTokenInfo>> ListJoinTokensAsync();

    /// <summary>Admin: revokes a join token by id; false when no unexpired token has it. Certificates already issued stay valid.</summary>
    [Alias("RevokeJoinToken")]
    Task<bool> RevokeJoinTokenAsync(string id);
}
