namespace OrleansMesh.Hosting;

/// <summary>
/// Mutual TLS on the cluster's own connections (silo to silo, and gateways and meshctl to the silos), bound from
/// <c>OrleansMesh:Tls</c>. Off by default (dev); with it, a process without a certificate from the trusted CA cannot
/// open a connection, so it can neither call the admin API nor ask the mesh CA for a workload certificate.
/// </summary>
public sealed class MeshTransportTlsOptions
{
    /// <summary>The configuration section under <see cref="MeshClusterOptions.SectionName"/>: <c>Tls</c>.</summary>
    public const string SectionName = "Tls";

    /// <summary>
    /// A PEM file with this process's certificate (its chain may follow it). Setting it turns TLS on. The certificate
    /// serves both ends of a connection, so it needs the serverAuth and clientAuth extended key usages (or none).
    /// Default: none (TLS off). Env: <c>OrleansMesh__Tls__Certificate</c>.
    /// </summary>
    public string? Certificate { get; set; }

    /// <summary>
    /// A PEM file with the certificate's private key. Default: the key in <see cref="Certificate"/>'s file.
    /// Env: <c>OrleansMesh__Tls__Key</c>.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// A PEM file with the CA certificates every peer's certificate must chain to (only these: the system's roots are
    /// not trusted here). Required with <see cref="Certificate"/>. Env: <c>OrleansMesh__Tls__TrustBundle</c>.
    /// </summary>
    public string? TrustBundle { get; set; }

    /// <summary>Whether TLS is on: a <see cref="Certificate"/> is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Certificate);
}
