namespace OrleansMesh.Hosting;

/// <summary>Defaults and allowed values of <see cref="MeshClusterOptions"/>.</summary>
internal static class MeshClusterDefaults
{
    public const string SectionName = "OrleansMesh";
    public const string Clustering = MeshClusterOptions.LocalhostClustering;
    public const string ClusterId = "orleansmesh-dev";
    public const string ServiceId = "orleansmesh";
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;

    /// <summary>
    /// How often a client re-reads the list of silo gateways from Redis (Orleans' default: 1 minute), so a gateway
    /// whose silos were all replaced reconnects within seconds.
    /// </summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>Clustering providers this build supports.</summary>
    public static readonly string[] ClusteringValues =
        [MeshClusterOptions.LocalhostClustering, MeshClusterOptions.RedisClustering, MeshClusterOptions.KubernetesClustering];
}
