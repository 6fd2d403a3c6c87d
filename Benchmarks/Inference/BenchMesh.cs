using Orleans.TestingHost;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Grains.Storage;

namespace OrleansMesh.Benchmarks.Inference;

/// <summary>A one-silo control plane and three real gateways (Kestrel on 127.0.0.1), with a client per gateway.</summary>
internal sealed class BenchMesh : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;
    private readonly WebApplication[] _gateways;

    private BenchMesh(InProcessTestCluster cluster, WebApplication[] gateways)
    {
        _cluster = cluster;
        _gateways = gateways;
        Clients = [.. gateways.Select(g => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(g.Urls.Single()),
            Timeout = TimeSpan.FromMinutes(3),
        })];
    }

    public HttpClient[] Clients { get; }

    public static async Task<BenchMesh> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMeshMemoryGrainStorage());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var gateways = new WebApplication[3];
        for (var i = 0; i < gateways.Length; i++)
        {
            var web = WebApplication.CreateBuilder();
            web.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            web.Services.AddSingleton<IGrainFactory>(cluster.Client);
            web.AddMeshGateway();
            gateways[i] = web.Build();
            gateways[i].MapMeshGateway();
            await gateways[i].StartAsync();
        }

        return new BenchMesh(cluster, gateways);
    }

    /// <summary>Applies the YAML as meshctl does and waits until every gateway answers the host.</summary>
    public async Task ApplyAsync(string yaml, string host)
    {
        var loaded = MeshConfigLoader.Load(yaml, "bench.yaml");
        if (loaded.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Diagnostics));
        }

        var result = await _cluster.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ApplyAsync(new ApplyRequest { Resources = loaded.Resources });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        }

        foreach (var client in Clients)
        {
            for (var i = 0; ; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
                request.Headers.Host = host;
                using var response = await client.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }

                if (i == 200)
                {
                    throw new InvalidOperationException($"A gateway did not route {host} within 10 s.");
                }

                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients)
        {
            client.Dispose();
        }

        foreach (var gateway in _gateways)
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }

        await _cluster.DisposeAsync();
    }
}
