using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Security.Identity;

/// <summary>
/// What a workload trusts: the mesh's roots, its trust domain and the revoked serials. Verifies peer certificates
/// (chain to a mesh root, not revoked, not a CA, a SPIFFE ID of the trust domain, optionally an exact one).
/// Updated by <see cref="WorkloadIdentity"/>; readers see each update whole.
/// </summary>
public sealed class MeshTrustStore(TimeProvider time)
{
    private volatile Material? _material;
    private volatile FrozenSet<string> _revoked = FrozenSet<string>.Empty;

    /// <summary>The trust domain of the bundle, or null before the first one.</summary>
    public string? TrustDomain => _material?.TrustDomain;

    /// <summary>Revoked serial numbers (upper-case hex).</summary>
    public IReadOnlySet<string> Revoked => _revoked;

    /// <summary>Adopts a trust bundle from the CA.</summary>
    public void SetBundle(TrustBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(bundle.RootsPem);
        var intermediates = new X509Certificate2Collection();
        if (bundle.IntermediatesPem.Length > 0)
        {
            intermediates.ImportFromPem(bundle.IntermediatesPem);
        }

        _material = new Material(bundle.TrustDomain, roots, intermediates);
    }

    /// <summary>Replaces the revoked serials.</summary>
    public void SetRevoked(IEnumerable<string> serials)
    {
        ArgumentNullException.ThrowIfNull(serials);
        _revoked = serials.Select(s => s.ToUpperInvariant()).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Verifies a peer's leaf certificate. <paramref name="presented"/> are the other certificates the peer sent (any
    /// intermediates); <paramref name="expected"/>, when given, is the only identity accepted.
    /// </summary>
    public PeerVerification Verify(X509Certificate2? leaf, X509Certificate2Collection? presented = null, SpiffeId? expected = null)
    {
        if (leaf is null)
        {
            return PeerVerification.Refused("no peer certificate");
        }

        if (_material is not { } material)
        {
            return PeerVerification.Refused("no trust bundle yet");
        }

        var revoked = _revoked;
        if (revoked.Contains(leaf.SerialNumber))
        {
            return PeerVerification.Refused($"certificate {leaf.SerialNumber} is revoked");
        }

        if (leaf.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
        {
            return PeerVerification.Refused("a CA certificate is not a workload certificate");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(material.Roots);
        chain.ChainPolicy.ExtraStore.AddRange(material.Intermediates);
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented);
        }

        // The mesh distributes revocations itself; there is no CRL or OCSP responder to ask.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        try
        {
            if (!chain.Build(leaf))
            {
                var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status));
                return PeerVerification.Refused($"certificate does not chain to the mesh roots ({status})");
            }
        }
        catch (CryptographicException ex)
        {
            return PeerVerification.Refused($"certificate chain cannot be built: {ex.Message}");
        }

        if (chain.ChainElements.Skip(1).FirstOrDefault(e => revoked.Contains(e.Certificate.SerialNumber)) is { } revokedCa)
        {
            return PeerVerification.Refused($"issuer {revokedCa.Certificate.SerialNumber} is revoked");
        }

        var id = SubjectAltNames.SpiffeIdOf(leaf);
        if (id is null || id.TrustDomain != material.TrustDomain)
        {
            return PeerVerification.Refused($"certificate has no SPIFFE ID of trust domain {material.TrustDomain}");
        }

        return expected is not null && id != expected
            ? PeerVerification.Refused($"peer is {id}, expected {expected}")
            : new PeerVerification(id, null);
    }

    private sealed record Material(string TrustDomain, X509Certificate2Collection Roots, X509Certificate2Collection Intermediates);
}
