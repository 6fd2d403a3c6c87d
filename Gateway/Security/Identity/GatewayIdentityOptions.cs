using System.ComponentModel.DataAnnotations;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Gateway.Security.Identity;

/// <summary>
/// The gateway's workload identity, from the <c>OrleansMesh:Gateway:Identity</c> section (env
/// <c>OrleansMesh__Gateway__Identity__Enabled=true</c>). With it the gateway gets a certificate from the mesh CA and
/// uses it towards endpoints whose DestinationRule says <c>tls.mode: ISTIO_MUTUAL</c>.
/// </summary>
internal sealed class GatewayIdentityOptions : IValidatableObject
{
    public const string SectionName = "OrleansMesh:Gateway:Identity";

    /// <summary>
    /// Whether the gateway obtains a mesh certificate. Default: false (no CA calls); ISTIO_MUTUAL endpoints then fail
    /// their TLS handshake (503), so turn it on in any mesh that uses ISTIO_MUTUAL.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Namespace in the gateway's SPIFFE ID. Default: the gateway's own namespace (<c>OrleansMesh:Gateway:Namespace</c>,
    /// itself "istio-system" by default, where Istio's ingress gateway runs), so its identity and the policies that apply
    /// to it agree unless set apart on purpose.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]+$")]
    public string? Namespace { get; set; }

    /// <summary>Service account in the gateway's SPIFFE ID. Default: "orleansmesh-gateway".</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]+$")]
    public string ServiceAccount { get; set; } = "orleansmesh-gateway";

    /// <summary>Certificate lifetime asked for; unset takes the CA's default (24 h). Default: unset.</summary>
    public TimeSpan? Ttl { get; set; }

    /// <summary>How often revoked serials are fetched from the CA. Default: 2 s (a revoked peer is refused within about that).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RevocationPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Join token for the gateway's namespace and service account (<c>meshctl identity token create --namespace
    /// istio-system --service-account orleansmesh-gateway</c>), sent for the first certificate; renewals prove possession
    /// of the current one instead. Env <c>OrleansMesh__Gateway__Identity__JoinToken</c>. Set this or
    /// <see cref="JoinTokenFile"/>, not both. Default: unset (a CA requiring workload credentials refuses the gateway).
    /// </summary>
    public string? JoinToken { get; set; }

    /// <summary>
    /// File holding the join token (a mounted Kubernetes Secret), re-read before each first issuance so a rotated Secret is
    /// picked up. Env <c>OrleansMesh__Gateway__Identity__JoinTokenFile</c>. Default: unset.
    /// </summary>
    public string? JoinTokenFile { get; set; }

    /// <summary>The join-token settings' problems, named as the environment spells them.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var workload = new WorkloadIdentityOptions { JoinToken = JoinToken, JoinTokenFile = JoinTokenFile };
        return workload.Validate().Select(f => new ValidationResult($"OrleansMesh__Gateway__Identity__{f}", [nameof(JoinToken)]));
    }
}
