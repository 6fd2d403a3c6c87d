using OrleansMesh.Gateway.ControlPlane;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.ControlPlane;

/// <summary>A gateway that loses the whole cluster keeps serving the config it last received.</summary>
public sealed class ControlPlaneLossTests : IAsyncLifetime
{
    private readonly MeshCluster _mesh = new(silos: 2);
    private ModelBackends _reviews = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _reviews = await ModelBackends.StartAsync("reviews", "v1", "v2", "v3");
        await _mesh.ApplyAsync(_reviews.ServiceEntryYaml("reviews"));
        await _mesh.ApplyFileAsync(SharedCorpus.Bookinfo("destination-rule-all.yaml"));
        await _mesh.ApplyFileAsync(SharedCorpus.Bookinfo("virtual-service-reviews-test-v2.yaml"));
        _gateway = await GatewayHost.StartAsync(_mesh.Grains, new() { ["OrleansMesh:Gateway:RenewInterval"] = "00:00:00.200" });
    }

    [Fact]
    public async Task AllSilosStopped_GatewayKeepsRoutingWithLastKnownConfig()
    {
        var subscriber = _gateway.Services.GetRequiredService<MeshConfigSubscriber>();
        var generation = (await _mesh.Config.GetSnapshotAsync()).Generation;
        await Eventually.TrueAsync(() => subscriber.Generation == generation, "the gateway serving the applied generation");

        await _mesh.Cluster.StopAllSilosAsync();

        // Past several renewal attempts, each failing against the stopped cluster.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var jason = await TrafficSample.CountVersionsAsync(_gateway, "reviews", "/reviews/1", 100, ("end-user", "jason"));
        var others = await TrafficSample.CountVersionsAsync(_gateway, "reviews", "/reviews/1", 100);
        Assert.Equal(new Dictionary<string, int> { ["v2"] = 100 }, jason);
        Assert.Equal(new Dictionary<string, int> { ["v1"] = 100 }, others);
        Assert.Equal(generation, subscriber.Generation);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _reviews.DisposeAsync();
        await _mesh.DisposeAsync();
    }
}
