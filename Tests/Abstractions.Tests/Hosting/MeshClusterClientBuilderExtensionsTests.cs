using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansMesh.Hosting;

namespace OrleansMesh.Abstractions.Tests.Hosting;

public sealed class MeshClusterClientBuilderExtensionsTests
{
    [Fact]
    public void UseMeshClustering_Localhost_NamesTheClusterAndService()
    {
        using var host = ClientHost(new MeshClusterOptions { ClusterId = "blue", ServiceId = "mesh-b" });

        var cluster = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;

        Assert.Equal(("blue", "mesh-b"), (cluster.ClusterId, cluster.ServiceId));
    }

    [Fact]
    public void UseMeshClustering_Localhost_ConnectsToTheGatewayPortOnLoopback()
    {
        using var host = ClientHost(new MeshClusterOptions { GatewayPort = 30100 });

        var gateways = host.Services.GetRequiredService<IOptions<StaticGatewayListProviderOptions>>().Value.Gateways;

        var gateway = Assert.Single(gateways);
        Assert.Equal(("127.0.0.1", 30100), (gateway.Host, gateway.Port));
    }

    [Fact]
    public void UseMeshClustering_UnsupportedClustering_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => ClientHost(new MeshClusterOptions { Clustering = "Consul" }).Dispose());

        Assert.StartsWith("OrleansMesh:Clustering is 'Consul'; allowed values: Localhost, Redis, Kubernetes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseMeshClustering_Redis_JoinsTheNamedClusterAndRereadsGatewaysOften()
    {
        using var host = ClientHost(new MeshClusterOptions { Clustering = "Redis", Redis = "127.0.0.1:6379", ClusterId = "prod", ServiceId = "mesh" });

        var cluster = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var gateways = host.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        Assert.Equal(("prod", "mesh"), (cluster.ClusterId, cluster.ServiceId));
        Assert.Equal(TimeSpan.FromSeconds(1), gateways.GatewayListRefreshPeriod);
    }

    [Fact]
    public void UseMeshClustering_RedisWithoutConnectionString_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => ClientHost(new MeshClusterOptions { Clustering = "Redis" }).Dispose());

        Assert.Contains("Redis and Kubernetes need OrleansMesh:Redis", error.Message, StringComparison.Ordinal);
    }

    private static IHost ClientHost(MeshClusterOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client.UseMeshClustering(options));
        return builder.Build();
    }
}
