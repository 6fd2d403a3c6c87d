using OrleansMesh.Hosting;

namespace OrleansMesh.Deployment.Tests.Processes;

/// <summary>An Orleans client of a cluster, configured by <see cref="MeshClusterClientBuilderExtensions.UseMeshClustering"/> as gateways and meshctl are.</summary>
internal sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static Task<ClusterClient> ConnectAsync(ClusterSettings cluster) => ConnectAsync(cluster.Options());

    public static async Task<ClusterClient> ConnectAsync(MeshClusterOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client.UseMeshClustering(options));
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
