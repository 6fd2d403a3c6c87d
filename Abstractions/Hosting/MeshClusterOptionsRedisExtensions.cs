namespace OrleansMesh.Hosting;

/// <summary>Which <see cref="MeshClusterOptions.Clustering"/> values keep the cluster's state in Redis.</summary>
public static class MeshClusterOptionsRedisExtensions
{
    /// <summary>True for <c>Redis</c> and <c>Kubernetes</c> clustering: both need <see cref="MeshClusterOptions.Redis"/>.</summary>
    public static bool UsesRedis(this MeshClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesClustering(MeshClusterOptions.RedisClustering) || options.UsesClustering(MeshClusterOptions.KubernetesClustering);
    }

    /// <summary>True when <see cref="MeshClusterOptions.Clustering"/> is <paramref name="clustering"/>, ignoring case.</summary>
    public static bool UsesClustering(this MeshClusterOptions options, string clustering)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Equals(options.Clustering, clustering, StringComparison.OrdinalIgnoreCase);
    }
}
