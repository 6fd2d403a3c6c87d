namespace OrleansMesh.Hosting;

/// <summary>Points an Orleans client (a gateway, meshctl) at the mesh cluster.</summary>
public static class MeshClusterClientBuilderExtensions
{
    /// <summary>
    /// Configures how <paramref name="client"/> finds the silos, from <paramref name="options"/>: for <c>Localhost</c>
    /// clustering, the silo gateway at 127.0.0.1:<see cref="MeshClusterOptions.GatewayPort"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="MeshClusterOptions.Clustering"/> is not a supported value.</exception>
    public static IClientBuilder UseMeshClustering(this IClientBuilder client, MeshClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (string.Equals(options.Clustering, MeshClusterOptions.LocalhostClustering, StringComparison.OrdinalIgnoreCase))
        {
            return client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }

        // Validated options never get here; a caller that skipped validation learns what is wrong.
        throw new ArgumentException(
            $"{MeshClusterOptions.SectionName}:{nameof(options.Clustering)} is '{options.Clustering}'; allowed values: {string.Join(", ", MeshClusterDefaults.ClusteringValues)}",
            nameof(options));
    }
}
