namespace OrleansMesh.Grains.Identity;

/// <summary>
/// The mesh CA's settings, from the <c>OrleansMesh:CertificateAuthority</c> section (env
/// <c>OrleansMesh__CertificateAuthority__DefaultTtl</c>, ...). Checked by <see cref="CertificateAuthorityOptionsValidator"/>
/// on start and again when the CA grain activates.
/// </summary>
internal sealed class CertificateAuthorityOptions
{
    public const string SectionName = "OrleansMesh:CertificateAuthority";

    /// <summary>Trust domain of every issued SPIFFE ID. Default: "cluster.local", Istio's.</summary>
    public string TrustDomain { get; set; } = "cluster.local";

    /// <summary>Lifetime of a workload certificate when the CSR asks for none. Default: 24 h, Istio's.</summary>
    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Longest lifetime granted; longer requests are cut to it. Default: 90 days, Istio's maximum workload certificate TTL.</summary>
    public TimeSpan MaxTtl { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Validity of the self-signed root (or of the intermediate under an operator root) created on first activation. Default: 10 years, Istio's self-signed root.</summary>
    public TimeSpan CaValidity { get; set; } = TimeSpan.FromDays(3650);

    /// <summary>
    /// PEM file of an operator-supplied root certificate. When set with <see cref="OperatorRootKeyFile"/>, the mesh CA
    /// is an intermediate under it: its own key is still generated on first activation; the root key is read once, to
    /// sign the intermediate, and never stored. Default: unset (self-signed root).
    /// </summary>
    public string? OperatorRootCertificateFile { get; set; }

    /// <summary>PEM file of the operator root's private key (PKCS#8 or EC/RSA PEM). Default: unset.</summary>
    public string? OperatorRootKeyFile { get; set; }

    /// <summary>
    /// Whether <c>SignAsync</c> needs a workload credential: a join token for the requested namespace and service account,
    /// a renewal proof with the current certificate, or the mesh admin token. Default: true. Set false (env
    /// <c>OrleansMesh__CertificateAuthority__RequireWorkloadCredential=false</c>) only for a dev mesh: anyone reaching the
    /// cluster then gets a certificate for any identity. <c>dotnet run --project Silo -- dev</c> sets it false.
    /// </summary>
    public bool RequireWorkloadCredential { get; set; } = true;

    /// <summary>Lifetime of a join token when none is asked for. Default: 24 h, as a Kubernetes bootstrap token.</summary>
    public TimeSpan DefaultJoinTokenTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Longest join token lifetime accepted; longer requests are refused. Default: 365 days.</summary>
    public TimeSpan MaxJoinTokenTtl { get; set; } = TimeSpan.FromDays(365);
}
