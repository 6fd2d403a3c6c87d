using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Routing;

/// <summary>
/// Bookinfo's reviews service on a real mesh: a 2-silo cluster, one gateway on loopback, and three model servers
/// labelled version v1, v2 and v3 standing in for reviews-v1..v3, with destination-rule-all.yaml applied.
/// </summary>
public sealed class BookinfoFixture : IAsyncLifetime
{
    internal MeshCluster Mesh { get; } = new(silos: 2);

    internal ModelBackends Reviews { get; private set; } = null!;

    internal GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Mesh.StartAsync();
        Reviews = await ModelBackends.StartAsync("reviews", "v1", "v2", "v3");
        await Mesh.ApplyAsync(Reviews.ServiceEntryYaml("reviews"), "reviews-service-entry.yaml");
        await Mesh.ApplyFileAsync(SharedCorpus.Bookinfo("destination-rule-all.yaml"));
        Gateway = await GatewayHost.StartAsync(Mesh.Grains);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Reviews.DisposeAsync();
        await Mesh.DisposeAsync();
    }
}
