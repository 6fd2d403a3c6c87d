using OrleansMesh.Hosting;

namespace OrleansMesh.Deployment.Tests.Processes;

/// <summary>An Orleans client of a cluster, configured by <see cref="MeshClusterClientBuilderExtensions.UseMeshClustering"/> as gateways and meshctl are.</summary>
internal sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static Task<ClusterClient> ConnectAsync(ClusterSettings cluster) => ConnectAsync(cluster.Options());

    /// <summary>
    /// Connects a client as meshctl does: each failed connection attempt is retried <paramref name="retryEvery"/>
    /// later (a new attempt re-reads the silo list), until <paramref name="within"/> has passed.
    /// </summary>
    public static Task<ClusterClient> ConnectRetryingAsync(ClusterSettings cluster, TimeSpan retryEvery, TimeSpan within) =>
        ConnectAsync(cluster.Options(), new RetryUntil(retryEvery, within));

    public static async Task<ClusterClient> ConnectAsync(MeshClusterOptions options, IClientConnectionRetryFilter? retry = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseMeshClustering(options);
            if (retry is not null)
            {
                client.UseConnectionRetryFilter(retry);
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterClient(host);
    }

    private sealed class RetryUntil(TimeSpan every, TimeSpan within) : IClientConnectionRetryFilter
    {
        private readonly System.Diagnostics.Stopwatch _elapsed = System.Diagnostics.Stopwatch.StartNew();

        public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
        {
            if (_elapsed.Elapsed + every > within)
            {
                return false;
            }

            await Task.Delay(every, cancellationToken);
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
