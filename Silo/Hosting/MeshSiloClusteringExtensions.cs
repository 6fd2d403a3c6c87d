using System.Net;
using Orleans.Configuration;
using OrleansMesh.Hosting;
using OrleansMesh.Silo.Membership;
using StackExchange.Redis;

namespace OrleansMesh.Silo.Hosting;

/// <summary>The silo half of <see cref="MeshClusterClientBuilderExtensions.UseMeshClustering"/>, which needs Orleans.Runtime.</summary>
internal static class MeshSiloClusteringExtensions
{
    /// <summary>
    /// Joins the silo to the cluster that <paramref name="cluster"/> names (validated options), with the failure
    /// detection <paramref name="silo"/> options ask for, and <c>OrleansMesh:Membership</c> overrides on top; with
    /// <see cref="MeshClusterOptions.Tls"/> on, every connection uses mutual TLS.
    /// </summary>
    public static ISiloBuilder UseMeshClustering(this ISiloBuilder silo, MeshClusterOptions cluster, MeshSiloOptions options, IConfigurationSection membership)
    {
        silo.Configure<ClusterMembershipOptions>(o => MeshFailureDetection.Apply(o, options.FailureDetection));
        silo.Configure<ClusterMembershipOptions>(membership);
        silo.AddRefusedPeerDetection();
        if (cluster.Tls.Enabled)
        {
            // Both Orleans endpoints: silo-to-silo and the client gateway (gateways, meshctl).
            silo.UseTls(tls => MeshTransportTls.Configure(tls, cluster.Tls));
        }

        if (cluster.UsesClustering(MeshClusterOptions.LocalhostClustering))
        {
            return silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        if (!cluster.UsesRedis() || string.IsNullOrWhiteSpace(cluster.Redis))
        {
            // Validated options never get here; a caller that skipped validation learns what is wrong.
            throw new ArgumentException(
                $"{MeshClusterOptions.SectionName}:{nameof(cluster.Clustering)} is '{cluster.Clustering}' (Redis: '{cluster.Redis}'); validate the options first (MeshClusterOptionsValidator)",
                nameof(cluster));
        }

        var redis = cluster.Redis;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        if (cluster.UsesClustering(MeshClusterOptions.KubernetesClustering))
        {
            // Ports only: Orleans' Kubernetes hosting advertises the pod IP (POD_IP) and listens on all interfaces,
            // and takes the silo name, cluster id and service id from the pod (POD_NAME, ORLEANS_CLUSTER_ID, …).
            return silo.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = cluster.SiloPort;
                o.GatewayPort = cluster.GatewayPort;
            }).UseKubernetesHosting();
        }

        var address = IPAddress.Parse(options.AdvertisedAddress);
        return silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
    }
}
