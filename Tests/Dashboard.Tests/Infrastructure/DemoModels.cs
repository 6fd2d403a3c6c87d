using System.Globalization;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>The demo's three versions of <c>chat-model</c>, in the test process on ports the OS chose.</summary>
internal sealed class DemoModels : IAsyncDisposable
{
    public const string Model = "chat-model";
    public static readonly string[] Versions = ["v1", "v2", "v3"];

    private readonly List<WebApplication> _servers = [];

    private DemoModels()
    {
    }

    /// <summary>The port of each version, in <see cref="Versions"/>' order.</summary>
    public List<int> Ports { get; } = [];

    public static async Task<DemoModels> StartAsync()
    {
        var models = new DemoModels();
        foreach (var version in Versions)
        {
            var port = FreePorts.Next();
            var server = ModelServerApp.Create(new ModelServerOptions { Name = Model, Version = version, LatencyMs = 2 }, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            models._servers.Add(server);
            models.Ports.Add(port);
            await server.StartAsync();
        }

        return models;
    }

    /// <summary>Samples/Demo/mesh-demo.yaml with the versions' ports in place of the demo's 9001–9003.</summary>
    public string DemoConfig()
    {
        var yaml = RepositoryFiles.Read("Samples", "Demo", "mesh-demo.yaml");
        for (var i = 0; i < Versions.Length; i++)
        {
            yaml = yaml.Replace($"http: {9001 + i}", $"http: {Ports[i].ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
        }

        return yaml + RolloutConfig();
    }

    // A second model host released by a Rollout (stable v1, canary v2) whose checks are far apart, so only the
    // tests' buttons move it.
    private string RolloutConfig() => $$$"""

        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: rollout-model}
        spec:
          hosts: [rollout-model]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 80, name: http, protocol: HTTP}]
          endpoints:
          - {address: 127.0.0.1, ports: {http: {{{Ports[0]}}}}, labels: {version: v1}}
          - {address: 127.0.0.1, ports: {http: {{{Ports[1]}}}}, labels: {version: v2}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: rollout-model}
        spec:
          host: rollout-model
          subsets:
          - {name: v1, labels: {version: v1}}
          - {name: v2, labels: {version: v2}}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: rollout-model}
        spec:
          hosts: [rollout-model]
          http:
          - route:
            - destination: {host: rollout-model, subset: v1}
        ---
        apiVersion: orleansmesh.io/v1alpha1
        kind: Rollout
        metadata: {name: rollout-model, namespace: default}
        spec:
          host: rollout-model
          stable: v1
          canary: v2
          analysis:
            interval: 10m
            threshold: 3
            stepWeight: 10
            maxWeight: 50
            metrics:
            - name: request-success-rate
              thresholdRange: {min: 99}
        """;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }
}
