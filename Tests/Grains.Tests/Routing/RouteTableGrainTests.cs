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
    public async Task ReplaceAsync_SameContentInNewInstance_KeepsGeneration()
    {
        var host = UniqueHost();
        var grain = fixture.Client.GetGrain<IRouteTableGrain>(host);
        await grain.ReplaceAsync(new RouteTable { VirtualServices = [VirtualService("vs", [host])] });

        var again = await grain.ReplaceAsync(new RouteTable { VirtualServices = [VirtualService("vs", [host])] });

        Assert.Equal(1, again.Generation);
    }
}
