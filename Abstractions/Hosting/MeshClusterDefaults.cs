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
    /// How often a client re-reads the list of silo gateways from Redis (Orleans' default: 1 minute), so a gateway or
    /// meshctl whose known silos were all replaced finds the new ones within a second (one small read per client).
    /// </summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Clustering providers this build supports.</summary>
    public static readonly string[] ClusteringValues =
        [MeshClusterOptions.LocalhostClustering, MeshClusterOptions.RedisClustering, MeshClusterOptions.KubernetesClustering];
}
