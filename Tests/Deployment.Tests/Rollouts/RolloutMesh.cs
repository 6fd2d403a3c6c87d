using System.Globalization;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.FaultTolerance;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Deployment.Tests.Rollouts;

/// <summary>
/// Silos on Redis, gateways and two model servers (stable v1, canary v2; v2 optionally answering some 500s), each its
/// own process; a VirtualService sending all of chat-model to v1, and a Rollout of v2 applied when the test says.
/// </summary>
internal sealed class RolloutMesh : IAsyncDisposable
{
    public const string Host = "chat-model";
    public const string RolloutName = "chat-model";

    private RolloutMesh(ClusterSettings cluster, ModelServerProcess stable, ModelServerProcess canary)
    {
        Cluster = cluster;
        Stable = stable;
        Canary = canary;
    }

    public ClusterSettings Cluster { get; }

    public ModelServerProcess Stable { get; }

    public ModelServerProcess Canary { get; }

    public List<SiloProcess> Silos { get; } = [];

    public List<GatewayProcess> Gateways { get; } = [];

    public static async Task<RolloutMesh> StartAsync(string redis, int silos, int gateways, double canaryErrorRate)
    {
        var cluster = ClusterSettings.NewCluster(redis);
        var stable = ModelServerProcess.StartAsync(Host, "v1");
        var canary = ModelServerProcess.StartAsync(Host, "v2", environment: new Dictionary<string, string> { ["ModelServer__ErrorRate"] = canaryErrorRate.ToString(CultureInfo.InvariantCulture) });
        var mesh = new RolloutMesh(cluster, await stable, await canary);
        try
        {
            mesh.Silos.AddRange(await Task.WhenAll(Enumerable.Range(0, silos).Select(i => SiloProcess.StartAsync(cluster.Environment(), $"silo-{i}"))));
            await using (var client = await ClusterClient.ConnectAsync(cluster))
            {
                await ApplyAsync(client, mesh.ServiceYaml());
            }

            mesh.Gateways.AddRange(await Task.WhenAll(Enumerable.Range(0, gateways).Select(_ => GatewayProcess.StartAsync(cluster.Environment()))));

            // Ready means serving the config: the traffic the tests count starts with every gateway routing.
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

    public static async Task ApplyAsync(ClusterClient client, string yaml)
    {
        var loaded = MeshConfigLoader.Load(yaml, "rollout-mesh.yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        var result = await client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ApplyAsync(new ApplyRequest { Resources = loaded.Resources });
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
    }

    public static IRolloutGrain Driver(ClusterClient client) =>
        client.Client.GetGrain<IRolloutGrain>(IRolloutGrain.KeyOf("default", RolloutName));

    public static string RolloutYaml(TimeSpan interval, int stepWeight, int maxWeight, int threshold, int minRequests) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: orleansmesh.io/v1alpha1
        kind: Rollout
        metadata:
          name: {RolloutName}
        spec:
          host: {Host}
          stable: v1
          canary: v2
          analysis:
            interval: {(int)interval.TotalMilliseconds}ms
            threshold: {threshold}
            stepWeight: {stepWeight}
            maxWeight: {maxWeight}
            minRequests: {minRequests}
            metrics:
            - name: request-success-rate
              thresholdRange: {"{min: 99}"}
            - name: request-duration
              thresholdRange: {"{max: 2000}"}
        """);

    private string ServiceYaml() => string.Create(CultureInfo.InvariantCulture, $"""
        {ModelServiceYaml.ServiceEntry(Host, [(Stable.Port, "v1"), (Canary.Port, "v2")])}
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {Host}
        spec:
          host: {Host}
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
          - name: primary
            route:
            - destination:
                host: {Host}
                subset: v1
            retries:
              attempts: 0
        """);

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in Gateways)
        {
            await gateway.DisposeAsync();
        }

        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        await Stable.DisposeAsync();
        await Canary.DisposeAsync();
    }
}
