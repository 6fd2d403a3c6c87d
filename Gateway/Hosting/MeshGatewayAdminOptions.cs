using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Hosting;

/// <summary>
/// The gateway's admin listener, from the <c>OrleansMesh:Gateway</c> section: a port of its own for health and
/// metrics, so proxied traffic can never reach them.
/// </summary>
internal sealed class MeshGatewayAdminOptions
{
    public const string SectionName = MeshGatewayOptions.SectionName;

    /// <summary>The admin listener when <see cref="AdminUrls"/> is not set: loopback only.</summary>
    public const string DefaultAdminUrl = "http://127.0.0.1:15020";

    /// <summary>Liveness: 200 while the process serves HTTP.</summary>
    public const string LivePath = "/healthz/live";

    /// <summary>Readiness: 200 once the gateway holds a full config snapshot from the control plane, 503 before.</summary>
    public const string ReadyPath = "/healthz/ready";

    /// <summary>Metrics in Prometheus' text format: Istio's request metrics and the mesh's state.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Semicolon-separated URLs of the admin listener; each needs a port no proxy URL uses. In a container or pod,
    /// listen on all interfaces (<c>http://0.0.0.0:15020</c>) so probes from outside reach it.
    /// Default: <c>http://127.0.0.1:15020</c>. Env: <c>OrleansMesh__Gateway__AdminUrls</c>.
    /// </summary>
    public string AdminUrls { get; set; } = DefaultAdminUrl;
}
