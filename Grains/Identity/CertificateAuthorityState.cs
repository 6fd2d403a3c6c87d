using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>
/// The CA grain's durable state. The key and the join-token HMAC secret live here and nowhere else: no grain method
/// returns them. State stored before join tokens existed has neither of the last two fields; the grain adds them.
/// </summary>
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

    /// <summary>The 256-bit HMAC-SHA256 key join tokens are signed with; null in state stored before join tokens.</summary>
    [Id(4)] public byte[]? JoinTokenSecret { get; set; }

    /// <summary>Join tokens not yet expired (revoked ones included), by id; null in state stored before join tokens.</summary>
    [Id(5)] public Dictionary<string, JoinTokenInfo>? JoinTokens { get; set; }
}
