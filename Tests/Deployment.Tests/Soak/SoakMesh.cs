using System.Globalization;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.FaultTolerance;
using OrleansMesh.Deployment.Tests.Processes;

namespace OrleansMesh.Deployment.Tests.Soak;

/// <summary>
/// The soak's mesh, each part its own process: two silos on Redis (their CA open, so the gateway needs no join token),
/// a gateway with a mesh identity on a one-minute certificate (renewed every half minute or so), two steady model
/// servers and one that the soak keeps killing and restarting on the same port.
/// </summary>
internal sealed class SoakMesh : IAsyncDisposable
{
    public const string Host = "chat-model";
    public const string RevisionHeader = "x-soak-rev";

    /// <summary>The gateway's certificate lifetime: short, so the soak rotates it dozens of times.</summary>
    public static readonly TimeSpan CertificateTtl = TimeSpan.FromMinutes(1);

    private SoakMesh(ClusterSettings cluster, ModelServerProcess[] steady, int flappingPort)
    {
        Cluster = cluster;
        Steady = steady;
        FlappingPort = flappingPort;
    }

    public ClusterSettings Cluster { get; }

    public ModelServerProcess[] Steady { get; }

    public int FlappingPort { get; }

    public ModelServerProcess? Flapping { get; private set; }

    public List<SiloProcess> Silos { get; } = [];

    public GatewayProcess Gateway { get; private set; } = null!;

    public static async Task<SoakMesh> StartAsync(string redis)
    {
        var cluster = ClusterSettings.NewCluster(redis);
        var steady = await Task.WhenAll(ModelServerProcess.StartAsync(Host, "v1"), ModelServerProcess.StartAsync(Host, "v1"));
        var mesh = new SoakMesh(cluster, steady, FreePorts.Next());
        try
        {
            await mesh.StartFlappingAsync();
            var silo = cluster.Environment();
            silo["OrleansMesh__CertificateAuthority__RequireWorkloadCredential"] = "false";
            mesh.Silos.AddRange(await Task.WhenAll(Enumerable.Range(0, 2).Select(i => SiloProcess.StartAsync(silo, $"silo-{i}"))));
            await using (var client = await ClusterClient.ConnectAsync(cluster))
            {
                await mesh.ApplyAsync(client, 0);
            }

            var gateway = cluster.Environment();
            gateway["OrleansMesh__Gateway__Identity__Enabled"] = "true";
            gateway["OrleansMesh__Gateway__Identity__Ttl"] = CertificateTtl.ToString("c", CultureInfo.InvariantCulture);
            mesh.Gateway = await GatewayProcess.StartAsync(gateway);
            using var probe = new GatewayProbe();
            Assert.NotNull(await probe.ReadyAsync(mesh.Gateway, TimeSpan.FromSeconds(30)));
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    public async Task StartFlappingAsync() => Flapping = await ModelServerProcess.StartAsync(Host, "v1", FlappingPort);

    public async Task StopFlappingAsync()
    {
        if (Flapping is { } flapping)
        {
            flapping.Process.KillNow();
            await flapping.DisposeAsync();
            Flapping = null;
        }
    }

    /// <summary>Applies the config stamped with <paramref name="revision"/> (a push every gateway compiles).</summary>
    public async Task ApplyAsync(ClusterClient client, int revision)
    {
        var loaded = MeshConfigLoader.Load(Yaml(revision), "soak.yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        var result = await client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ApplyAsync(new ApplyRequest { Resources = loaded.Resources });
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
    }

    public async ValueTask DisposeAsync()
    {
        if (Gateway is { } gateway)
        {
            await gateway.DisposeAsync();
        }

        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        foreach (var server in Steady)
        {
            await server.DisposeAsync();
        }

        await StopFlappingAsync();
    }

    // Retries on connect failures and resets, and outlier detection, are what keep a flapping endpoint from users.
    private string Yaml(int revision) => string.Create(CultureInfo.InvariantCulture, $"""
        {ModelServiceYaml.ServiceEntry(Host, Steady.Select(s => s.Port).Append(FlappingPort))}
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {Host}
        spec:
          host: {Host}
          trafficPolicy:
            loadBalancer:
              simple: LEAST_REQUEST
            outlierDetection:
              consecutiveGatewayErrors: 2
              interval: 1s
              baseEjectionTime: 5s
              maxEjectionPercent: 50
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
            headers:
              response:
                set:
                  {RevisionHeader}: "{revision}"
            retries:
              attempts: 2
              retryOn: connect-failure,reset,refused-stream
        """);
}
