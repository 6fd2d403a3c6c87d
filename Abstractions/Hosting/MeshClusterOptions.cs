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

    /// <summary>
    /// How silos find each other and clients find the silos. Only <c>Localhost</c> for now.
    /// Default: <c>Localhost</c>. Env: <c>OrleansMesh__Clustering</c>.
    /// </summary>
    public string Clustering { get; set; } = MeshClusterDefaults.Clustering;

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
}
