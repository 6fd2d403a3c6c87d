using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.Security.Identity;

/// <summary>
/// The gateway's workload identity, from the <c>OrleansMesh:Gateway:Identity</c> section (env
/// <c>OrleansMesh__Gateway__Identity__Enabled=true</c>). With it the gateway gets a certificate from the mesh CA and
/// uses it towards endpoints whose DestinationRule says <c>tls.mode: ISTIO_MUTUAL</c>.
/// </summary>
internal sealed class GatewayIdentityOptions
{
    public const string SectionName = "OrleansMesh:Gateway:Identity";

    /// <summary>
    /// Whether the gateway obtains a mesh certificate. Default: false (no CA calls); ISTIO_MUTUAL endpoints then fail
    /// their TLS handshake (503), so turn it on in any mesh that uses ISTIO_MUTUAL.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Namespace in the gateway's SPIFFE ID. Default: "istio-system", where Istio's ingress gateway runs.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]+$")]
    public string Namespace { get; set; } = "istio-system";

    /// <summary>Service account in the gateway's SPIFFE ID. Default: "orleansmesh-gateway".</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]+$")]
    public string ServiceAccount { get; set; } = "orleansmesh-gateway";

    /// <summary>Certificate lifetime asked for; unset takes the CA's default (24 h). Default: unset.</summary>
    public TimeSpan? Ttl { get; set; }

    /// <summary>How often revoked serials are fetched from the CA. Default: 2 s (a revoked peer is refused within about that).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RevocationPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
