using OrleansMesh.Hosting;

namespace OrleansMesh.Silo.Hosting;

/// <summary>The silo half of <see cref="MeshClusterClientBuilderExtensions.UseMeshClustering"/>, which needs Orleans.Runtime.</summary>
internal static class MeshSiloClusteringExtensions
{
    /// <summary>Joins the silo to the cluster that <paramref name="cluster"/> names (validated options).</summary>
    public static ISiloBuilder UseMeshClustering(this ISiloBuilder silo, MeshClusterOptions cluster)
    {
        if (string.Equals(cluster.Clustering, MeshClusterOptions.LocalhostClustering, StringComparison.OrdinalIgnoreCase))
        {
            return silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        // Validated options never get here; a caller that skipped validation learns what is wrong.
        throw new ArgumentException(
            $"{MeshClusterOptions.SectionName}:{nameof(cluster.Clustering)} is '{cluster.Clustering}'; allowed values: {MeshClusterOptions.LocalhostClustering}",
            nameof(cluster));
    }
}
