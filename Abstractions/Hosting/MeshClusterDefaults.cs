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

    /// <summary>Clustering providers this build supports; Redis and Kubernetes come later.</summary>
    public static readonly string[] ClusteringValues = [MeshClusterOptions.LocalhostClustering];
}
