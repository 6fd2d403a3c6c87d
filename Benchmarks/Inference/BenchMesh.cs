using Orleans.TestingHost;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Grains.Storage;

namespace OrleansMesh.Benchmarks.Inference;

/// <summary>
/// A one-silo control plane and three real gateways (Kestrel on 127.0.0.1), with a client per gateway. The gateways
/// are started per phase (<see cref="StartGatewaysAsync"/>), so a phase can run them with settings of its own.
/// </summary>
internal sealed class BenchMesh : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;
    private WebApplication[] _gateways = [];

    private BenchMesh(InProcessTestCluster cluster) => _cluster = cluster;

    public HttpClient[] Clients { get; private set; } = [];

    public static async Task<BenchMesh> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMeshMemoryGrainStorage());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new BenchMesh(cluster);
    }

    /// <summary>Stops the gateways of the previous phase and starts <paramref name="count"/> with <paramref name="settings"/>.</summary>
    public async Task StartGatewaysAsync(IReadOnlyDictionary<string, string?>? settings = null, int count = 3)
    {
        await StopGatewaysAsync();
        _gateways = new WebApplication[count];
        for (var i = 0; i < _gateways.Length; i++)
        {
            var web = WebApplication.CreateBuilder();
            web.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            web.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            web.Services.AddSingleton<IGrainFactory>(_cluster.Client);
            web.AddMeshGateway();
            _gateways[i] = web.Build();
            _gateways[i].MapMeshGateway();
            await _gateways[i].StartAsync();
        }

        Clients = [.. _gateways.Select(g => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(g.Urls.Single()),
            Timeout = TimeSpan.FromMinutes(3),
        })];
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
        await StopGatewaysAsync();
        await _cluster.DisposeAsync();
    }

    private async Task StopGatewaysAsync()
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

        Clients = [];
        _gateways = [];
    }
}
