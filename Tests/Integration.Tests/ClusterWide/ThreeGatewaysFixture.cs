using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.ClusterWide;

/// <summary>A 2-silo mesh and three gateways (real Kestrel servers on loopback). Each test uses hosts of its own.</summary>
public sealed class ThreeGatewaysFixture : IAsyncLifetime
{
    internal MeshCluster Mesh { get; } = new(silos: 2);

    internal GatewayHost[] Gateways { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Mesh.StartAsync();
        await Mesh.ApplyAsync(Bootstrap);
        Gateways = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => GatewayHost.StartAsync(Mesh.Grains)));
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in Gateways)
        {
            await gateway.DisposeAsync();
        }

        await Mesh.DisposeAsync();
    }

    /// <summary>Applies <paramref name="yaml"/> and waits until every gateway routes <paramref name="host"/>.</summary>
    internal async Task ApplyAsync(string host, string yaml)
    {
        await Mesh.ApplyAsync(yaml);
        foreach (var gateway in Gateways)
        {
            var store = gateway.Services.GetRequiredService<GatewaySnapshotStore>();
            await Eventually.TrueAsync(() => store.Current.Routing.FindHost(host) is not null, $"a gateway routing {host}");
        }
    }

    internal static DestinationHealthState? Health(GatewayHost gateway, string key) =>
        gateway.Services.GetRequiredService<HealthRegistry>().Find(key);

    // Gateways wait for a first snapshot; any config will do.
    private const string Bootstrap = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: bootstrap
        spec:
          hosts:
          - bootstrap
          http:
          - directResponse:
              status: 204
        """;
}
