using System.Globalization;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.FaultTolerance;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Deployment.Tests.Redis;

namespace OrleansMesh.Deployment.Tests.Chaos;

/// <summary>
/// The chaos run's mesh, every part its own process on 127.0.0.1: Redis (a container of its own), 3 silos, 2 gateways
/// and 4 model servers (v1: 0 and 1, v2: 2 and 3), each behind a <see cref="DelayProxy"/> and logging the request ids it
/// receives to a file that outlives its kills. The config routes chat-model to v1 and a Rollout moves it to v2.
/// </summary>
internal sealed class ChaosMesh : IAsyncDisposable
{
    public const string Host = "chat-model";
    public const string RevisionHeader = FaultMeshConfig.RevisionHeader;
    public const string RolloutName = "chaos";
    public const int SiloCount = 3;
    public const int GatewayCount = 2;
    public const int ModelServerCount = 4;

    private readonly string _directory = Directory.CreateTempSubdirectory("orleansmesh-chaos-").FullName;

    private ChaosMesh(RedisServer redis)
    {
        Redis = redis;
        Cluster = ClusterSettings.NewCluster(redis.ConnectionString);
    }

    public RedisServer Redis { get; }

    public ClusterSettings Cluster { get; }

    public SiloProcess?[] Silos { get; } = new SiloProcess?[SiloCount];

    public GatewayProcess[] Gateways { get; } = new GatewayProcess[GatewayCount];

    public ModelServerProcess?[] ModelServers { get; } = new ModelServerProcess?[ModelServerCount];

    public DelayProxy[] Proxies { get; } = new DelayProxy[ModelServerCount];

    public int[] ModelPorts { get; } = new int[ModelServerCount];

    public ClusterClient Client { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> GatewayEnvironment
    {
        get
        {
            var environment = Cluster.Environment();
            foreach (var (key, value) in FaultMesh.GatewayTuning)
            {
                environment[key] = value;
            }

            return environment;
        }
    }

    public static async Task<ChaosMesh> StartAsync()
    {
        var mesh = new ChaosMesh(await RedisServer.StartAsync());
        try
        {
            for (var i = 0; i < ModelServerCount; i++)
            {
                mesh.ModelPorts[i] = FreePorts.Next();
                mesh.Proxies[i] = new DelayProxy(mesh.ModelPorts[i]);
            }

            await Task.WhenAll(Enumerable.Range(0, ModelServerCount).Select(mesh.StartModelServerAsync));
            var silos = await Task.WhenAll(Enumerable.Range(0, SiloCount).Select(i => SiloProcess.StartAsync(mesh.Cluster, $"silo-{i}")));
            silos.CopyTo(mesh.Silos, 0);
            mesh.Client = await ClusterClient.ConnectAsync(mesh.Cluster);
            await mesh.ApplyAsync(0, TimeSpan.FromSeconds(30));
            var gateways = await Task.WhenAll(Enumerable.Range(0, GatewayCount).Select(_ => GatewayProcess.StartAsync(mesh.GatewayEnvironment)));
            gateways.CopyTo(mesh.Gateways, 0);
            using var probe = new GatewayProbe();
            foreach (var gateway in mesh.Gateways)
            {
                Assert.NotNull(await probe.ReadyAsync(gateway, TimeSpan.FromSeconds(30)));
            }

            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    /// <summary>The value the config of <paramref name="revision"/> stamps on every answer (<see cref="RevisionHeader"/>).</summary>
    public string Revision(int revision) => string.Create(CultureInfo.InvariantCulture, $"chaos-{revision}-{Cluster.ClusterId}");

    /// <summary>The request-id log of model server <paramref name="index"/> (kept across its restarts).</summary>
    public string RequestLog(int index) => Path.Combine(_directory, $"model-{index}.ids");

    public async Task StartModelServerAsync(int index) =>
        ModelServers[index] = await ModelServerProcess.StartAsync(Host, index < 2 ? "v1" : "v2", ModelPorts[index],
            new Dictionary<string, string> { ["ModelServer__RequestLog"] = RequestLog(index) });

    public async Task KillModelServerAsync(int index)
    {
        if (ModelServers[index] is { } server)
        {
            server.Process.KillNow();
            await server.DisposeAsync();
            ModelServers[index] = null;
        }
    }

    public async Task KillSiloAsync(int index)
    {
        if (Silos[index] is { } silo)
        {
            silo.Process.KillNow();
            await silo.DisposeAsync();
            Silos[index] = null;
        }
    }

    public async Task StartSiloAsync(int index) => Silos[index] = await SiloProcess.StartAsync(Cluster, $"silo-{index}-{Guid.NewGuid():N}"[..16]);

    public async Task RestartGatewayAsync(int index, TimeSpan down)
    {
        var victim = Gateways[index];
        victim.Process.KillNow();
        await victim.DisposeAsync();
        await Task.Delay(down);
        Gateways[index] = GatewayProcess.Launch(GatewayEnvironment, victim.ProxyPort, victim.AdminPort);
    }

    /// <summary>
    /// Applies the config stamped <paramref name="revision"/>, a new attempt every 500 ms until one is accepted (an
    /// attempt sent to a silo that just died never answers); returns when it was accepted.
    /// </summary>
    public async Task ApplyAsync(int revision, TimeSpan within)
    {
        var loaded = MeshConfigLoader.Load(Yaml(revision), "chaos.yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        using var deadline = new CancellationTokenSource(within);
        var attempts = new List<Task<ConfigResult>>();
        while (true)
        {
            attempts.Add(Client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ApplyAsync(new ApplyRequest { Resources = loaded.Resources }));
            var next = Task.Delay(500, deadline.Token);
            var done = await Task.WhenAny([.. attempts, next]);
            if (done != next && ((Task<ConfigResult>)done).IsCompletedSuccessfully)
            {
                var result = ((Task<ConfigResult>)done).Result;
                Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
                foreach (var abandoned in attempts.Where(a => a != done))
                {
                    _ = abandoned.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                }

                return;
            }

            attempts.RemoveAll(a => a.IsCompleted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is { } client)
        {
            await client.DisposeAsync();
        }

        foreach (var gateway in Gateways.OfType<GatewayProcess>())
        {
            await gateway.DisposeAsync();
        }

        foreach (var silo in Silos.OfType<SiloProcess>())
        {
            await silo.DisposeAsync();
        }

        foreach (var server in ModelServers.OfType<ModelServerProcess>())
        {
            await server.DisposeAsync();
        }

        foreach (var proxy in Proxies.OfType<DelayProxy>())
        {
            await proxy.DisposeAsync();
        }

        await Redis.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    // No retries on resets (a request a server may have seen is never sent twice) and no mirrors: what a model server
    // logs is what users asked for, once. Outlier detection takes a dead server out of rotation.
    private string Yaml(int revision) => string.Create(CultureInfo.InvariantCulture, $"""
        {ModelServiceYaml.ServiceEntry(Host, Proxies.Select((p, i) => (p.Port, (string?)(i < 2 ? "v1" : "v2"))))}
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {Host}
        spec:
          host: {Host}
          trafficPolicy:
            loadBalancer:
              simple: ROUND_ROBIN
            outlierDetection:
              consecutive5xxErrors: 2
              consecutiveGatewayErrors: 2
              interval: 1s
              baseEjectionTime: 5s
              maxEjectionPercent: 50
          subsets:
          - name: v1
            labels:
              version: v1
          - name: v2
            labels:
              version: v2
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {Host}
        spec:
          hosts:
          - {Host}
          http:
          - route:
            - destination:
                host: {Host}
                subset: v1
            headers:
              response:
                set:
                  {RevisionHeader}: "{Revision(revision)}"
            retries:
              attempts: 2
              retryOn: connect-failure,refused-stream
        ---
        apiVersion: orleansmesh.io/v1alpha1
        kind: Rollout
        metadata:
          name: {RolloutName}
        spec:
          host: {Host}
          stable: v1
          canary: v2
          analysis:
            interval: 3s
            threshold: 1000
            stepWeight: 5
            maxWeight: 95
            minRequests: 1
            metrics:
            - name: request-success-rate
              thresholdRange: {"{min: 0}"}
        """);
}
