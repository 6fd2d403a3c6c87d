using System.Globalization;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Deployment.Tests.Redis;

namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>
/// The scenario's processes: Redis (container), 3 silos (Redis clustering and storage, fast failure detection),
/// 2 gateways and 3 model servers, each its own OS process on 127.0.0.1, and a cluster client (meshctl's path).
/// </summary>
internal sealed class FaultMesh : IAsyncDisposable
{
    public const int SiloCount = 3;
    public const int GatewayCount = 2;
    public const int ModelServerCount = 3;

    /// <summary>
    /// Gateways retry a lost control plane at most a second apart (they renew every second by default). The config
    /// grain keeps its subscribers in memory: when the silo holding it dies (step 1) or every silo restarts (step 2),
    /// a gateway hears of changes again only after its next renewal, so this bounds propagation there.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> GatewayTuning = new Dictionary<string, string>
    {
        ["OrleansMesh__Gateway__MaxRetryDelay"] = "00:00:01",
    };

    private FaultMesh(RedisServer redis, ClusterSettings cluster)
    {
        Redis = redis;
        Cluster = cluster;
    }

    public RedisServer Redis { get; }

    public ClusterSettings Cluster { get; }

    public List<SiloProcess> Silos { get; } = [];

    public GatewayProcess[] Gateways { get; } = new GatewayProcess[GatewayCount];

    public ModelServerProcess[] ModelServers { get; } = new ModelServerProcess[ModelServerCount];

    public ClusterClient? Client { get; private set; }

    public IEnumerable<int> ModelPorts => ModelServers.Select(m => m.Port);

    public IMeshConfigGrain Config => ClientOrThrow.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);

    public IReadOnlyDictionary<string, string> GatewayEnvironment
    {
        get
        {
            var environment = Cluster.Environment();
            foreach (var (key, value) in GatewayTuning)
            {
                environment[key] = value;
            }

            return environment;
        }
    }

    private ClusterClient ClientOrThrow => Client ?? throw new InvalidOperationException("no cluster client");

    /// <summary>Starts everything; the silos and model servers in parallel, then the client, then the gateways.</summary>
    public static async Task<FaultMesh> StartAsync()
    {
        var redis = await RedisServer.StartAsync();
        var mesh = new FaultMesh(redis, ClusterSettings.NewCluster(redis.ConnectionString));
        try
        {
            var silos = StartSilosAsync(mesh.Cluster);
            var models = Task.WhenAll(Enumerable.Range(0, ModelServerCount).Select(_ => ModelServerProcess.StartAsync(FaultMeshConfig.Host, "v1")));
            mesh.Silos.AddRange(await silos);
            (await models).CopyTo(mesh.ModelServers, 0);
            await mesh.ConnectClientAsync();
            var gateways = await Task.WhenAll(Enumerable.Range(0, GatewayCount).Select(_ => GatewayProcess.StartAsync(mesh.GatewayEnvironment)));
            gateways.CopyTo(mesh.Gateways, 0);
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    public static async Task<SiloProcess[]> StartSilosAsync(ClusterSettings cluster) =>
        await Task.WhenAll(Enumerable.Range(0, SiloCount).Select(i => SiloProcess.StartAsync(cluster, $"silo-{i}")));

    /// <summary>A fresh client, as every meshctl run is.</summary>
    public async Task ConnectClientAsync()
    {
        await DisconnectClientAsync();
        Client = await ClusterClient.ConnectAsync(Cluster);
    }

    /// <summary>Closes the client, giving up after 10 s on a cluster that is not there to say goodbye to.</summary>
    public async Task DisconnectClientAsync()
    {
        if (Client is null)
        {
            return;
        }

        try
        {
            await Client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or OperationCanceledException)
        {
            // A client of a cluster that is going away.
        }

        Client = null;
    }

    /// <summary>The silo holding the config grain (activating it if needed), or null if no running silo's port matches.</summary>
    public async Task<SiloProcess?> ConfigGrainSiloAsync()
    {
        await Config.GetSnapshotAsync();
        var address = await ClientOrThrow.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(Config);
        return Silos.FirstOrDefault(s => address is not null && s.SiloPort == address.Endpoint.Port);
    }

    public string Revision(int n) => string.Create(CultureInfo.InvariantCulture, $"rev-{n}-{Cluster.ClusterId}");

    public async ValueTask DisposeAsync()
    {
        await DisconnectClientAsync();
        foreach (var process in Gateways.OfType<GatewayProcess>())
        {
            await process.DisposeAsync();
        }

        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        foreach (var model in ModelServers.OfType<ModelServerProcess>())
        {
            await model.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
