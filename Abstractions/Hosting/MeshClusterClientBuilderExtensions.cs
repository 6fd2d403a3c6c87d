using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace OrleansMesh.Hosting;

/// <summary>Points an Orleans client (a gateway, meshctl) at the mesh cluster.</summary>
public static class MeshClusterClientBuilderExtensions
{
    /// <summary>
    /// Configures how <paramref name="client"/> finds the silos, from <paramref name="options"/>: for <c>Localhost</c>
    /// clustering, the silo gateway at 127.0.0.1:<see cref="MeshClusterOptions.GatewayPort"/>; for <c>Redis</c> and
    /// <c>Kubernetes</c>, every live silo gateway listed in the Redis membership table, re-read every 5 seconds. With
    /// <see cref="MeshClusterOptions.Tls"/> on, connections use mutual TLS (<see cref="MeshTransportTls"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="MeshClusterOptions.Clustering"/> is not a supported value.</exception>
    public static IClientBuilder UseMeshClustering(this IClientBuilder client, MeshClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Tls.Enabled)
        {
            client.UseTls(tls => MeshTransportTls.Configure(tls, options.Tls));
        }

        if (options.UsesClustering(MeshClusterOptions.LocalhostClustering))
        {
            return client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }

        if (options.UsesRedis() && !string.IsNullOrWhiteSpace(options.Redis))
        {
            var redis = options.Redis;
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = MeshClusterDefaults.GatewayListRefreshPeriod);
            return client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        }

        // Validated options never get here; a caller that skipped validation learns what is wrong.
        throw new ArgumentException(
            $"{MeshClusterOptions.SectionName}:{nameof(options.Clustering)} is '{options.Clustering}'; allowed values: {string.Join(", ", MeshClusterDefaults.ClusteringValues)} (Redis and Kubernetes need {MeshClusterOptions.SectionName}:{nameof(options.Redis)})",
            nameof(options));
    }

    /// <summary>Where <paramref name="options"/> says the silos are, for messages: host:port or the Redis endpoints.</summary>
    public static string DescribeClusterLocation(this MeshClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesRedis()
            ? $"cluster '{options.ClusterId}' in Redis {options.Redis}"
            : $"127.0.0.1:{options.GatewayPort}";
    }
}
