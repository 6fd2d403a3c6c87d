namespace OrleansMesh.Hosting;

/// <summary>
/// How silos, gateways and meshctl reach the Orleans cluster of the control plane; bound from the <c>OrleansMesh</c>
/// configuration section (environment variables <c>OrleansMesh__…</c>), the same for all of them.
/// </summary>
public sealed class MeshClusterOptions
{
    /// <summary>The configuration section the options are bound from: <c>OrleansMesh</c>.</summary>
    public const string SectionName = MeshClusterDefaults.SectionName;

    /// <summary>The <see cref="Clustering"/> value for a cluster whose silos all run on this machine.</summary>
    public const string LocalhostClustering = "Localhost";

    /// <summary>The <see cref="Clustering"/> value for a cluster whose membership table is kept in <see cref="Redis"/>.</summary>
    public const string RedisClustering = "Redis";

    /// <summary>
    /// The <see cref="Clustering"/> value for silos running as Kubernetes pods: Redis membership and storage, plus
    /// Orleans' Kubernetes hosting (pod name, IP and labels from the environment; pods of dead silos are watched).
    /// </summary>
    public const string KubernetesClustering = "Kubernetes";

    /// <summary>
    /// How silos find each other and clients find the silos: <c>Localhost</c> (every silo on this machine, the first
    /// one is the primary), <c>Redis</c> (membership table in Redis) or <c>Kubernetes</c> (Redis, in Kubernetes pods).
    /// Default: <c>Localhost</c>. Env: <c>OrleansMesh__Clustering</c>.
    /// </summary>
    public string Clustering { get; set; } = MeshClusterDefaults.Clustering;

    /// <summary>
    /// A StackExchange.Redis connection string (e.g. <c>127.0.0.1:6379</c> or <c>redis:6379,password=…</c>) for the
    /// membership table and the silos' grain storage. Required when <see cref="Clustering"/> is <c>Redis</c> or
    /// <c>Kubernetes</c>, unused otherwise. Default: none. Env: <c>OrleansMesh__Redis</c>.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// The Orleans cluster id; silos with the same id form one cluster and clients join it by this id.
    /// Default: <c>orleansmesh-dev</c>. Env: <c>OrleansMesh__ClusterId</c>.
    /// </summary>
    public string ClusterId { get; set; } = MeshClusterDefaults.ClusterId;

    /// <summary>
    /// The Orleans service id; stored grain state is scoped to it.
    /// Default: <c>orleansmesh</c>. Env: <c>OrleansMesh__ServiceId</c>.
    /// </summary>
    public string ServiceId { get; set; } = MeshClusterDefaults.ServiceId;

    /// <summary>The port silos talk to each other on. Default: 11111. Env: <c>OrleansMesh__SiloPort</c>.</summary>
    public int SiloPort { get; set; } = MeshClusterDefaults.SiloPort;

    /// <summary>
    /// The port Orleans clients (gateways, meshctl) connect to the silos on.
    /// Default: 30000. Env: <c>OrleansMesh__GatewayPort</c>.
    /// </summary>
    public int GatewayPort { get; set; } = MeshClusterDefaults.GatewayPort;

    /// <summary>Mutual TLS on the cluster's connections; off unless a certificate is configured (see <see cref="MeshTransportTlsOptions"/>).</summary>
    public MeshTransportTlsOptions Tls { get; set; } = new();
}
