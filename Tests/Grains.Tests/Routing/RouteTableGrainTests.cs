using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Tests.Cluster;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Routing;

[Collection(MeshClusterCollection.Name)]
public sealed class RouteTableGrainTests(MeshClusterFixture fixture)
{
    [Fact]
    public async Task GetAsync_NeverWritten_EmptyAtGenerationZero()
    {
        var host = UniqueHost();

        var table = await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync();

        Assert.True(table.IsEmpty);
        Assert.Equal(0, table.Generation);
        Assert.Equal(host, table.Host);
    }

    [Fact]
    public async Task ReplaceAsync_NewContent_BumpsGenerationAndKeysHost()
    {
        var host = UniqueHost();
        var grain = fixture.Client.GetGrain<IRouteTableGrain>(host);

        var stored = await grain.ReplaceAsync(new RouteTable { Host = "ignored", Generation = 42, VirtualServices = [VirtualService("vs", [host])] });

        Assert.Equal(1, stored.Generation);
        Assert.Equal(host, stored.Host);
    }

    [Fact]
    public async Task ApplyAsync_ServiceEntryInNamespace_TableServiceCarriesIt()
    {
        var host = UniqueHost();
        var config = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");

        Assert.True((await config.ApplyAsync(Apply(ServiceEntry("se", [host], endpoints: ["127.0.0.1"], ns: "team-a")))).Succeeded);

        var table = await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync();
        Assert.Equal("team-a", table.Service!.Namespace);
    }

    [Fact]
    public async Task ReplaceAsync_SameContentInNewInstance_KeepsGeneration()
    {
        var host = UniqueHost();
        var grain = fixture.Client.GetGrain<IRouteTableGrain>(host);
        await grain.ReplaceAsync(new RouteTable { VirtualServices = [VirtualService("vs", [host])] });

        var again = await grain.ReplaceAsync(new RouteTable { VirtualServices = [VirtualService("vs", [host])] });

        Assert.Equal(1, again.Generation);
    }
}
