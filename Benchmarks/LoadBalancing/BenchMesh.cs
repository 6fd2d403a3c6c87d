using Orleans.TestingHost;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Grains.Storage;

namespace OrleansMesh.Benchmarks.LoadBalancing;

/// <summary>A one-silo control plane and a real gateway (Kestrel on 127.0.0.1), and an HTTP client pointed at it.</summary>
internal sealed class BenchMesh : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;
    private readonly WebApplication _gateway;

    private BenchMesh(InProcessTestCluster cluster, WebApplication gateway, HttpClient client)
    {
        _cluster = cluster;
        _gateway = gateway;
        Gateway = client;
    }

    public HttpClient Gateway { get; }

    public static async Task<BenchMesh> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMeshMemoryGrainStorage());
        var cluster = builder.Build();
        await cluster.DeployAsync();

        var web = WebApplication.CreateBuilder();
        web.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        web.Services.AddSingleton<IGrainFactory>(cluster.Client);
        web.AddMeshGateway();
        var gateway = web.Build();
        gateway.MapMeshGateway();
        await gateway.StartAsync();
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(gateway.Urls.Single()),
            DefaultRequestHeaders = { Host = BenchConfig.Host },
        };
        return new BenchMesh(cluster, gateway, client);
    }

    /// <summary>Applies the YAML as meshctl does and waits until the gateway routes the host.</summary>
    public async Task ApplyAsync(string yaml)
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

        for (var i = 0; i < 200; i++)
        {
            using var response = await Gateway.GetAsync("/");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("The gateway did not route the benchmark host within 10 s.");
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
