using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Tests.Cluster;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Config;

[Collection(MeshClusterCollection.Name)]
public sealed class MeshConfigGrainObserverTests(MeshClusterFixture fixture)
{
    private readonly IMeshConfigGrain grain = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");

    [Fact]
    public async Task SubscribeAsync_AfterCommits_ReturnsCurrentGeneration()
    {
        await grain.ApplyAsync(Apply(VirtualService("vs", [UniqueHost()])));
        var observer = new RecordingObserver();

        var version = await grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));

        Assert.Equal(1, version.Generation);
    }

    [Fact]
    public async Task ApplyAsync_Subscribed_PushesChangedTableOnTopOfPreviousGeneration()
    {
        var (a, b) = (UniqueHost(), UniqueHost());
        await grain.ApplyAsync(Apply(VirtualService("vs-a", [a]), VirtualService("vs-b", [b])));
        var observer = new RecordingObserver();
        await grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));
        var before = DateTimeOffset.UtcNow;

        await grain.ApplyAsync(Apply(VirtualService("vs-a", [a], destination: b), Gateway("ingress")));
        var update = await observer.NextAsync();

        Assert.Equal(1, update.BaseGeneration);
        Assert.Equal(2, update.Generation);
        var table = Assert.Single(update.Changed);
        Assert.Equal(a, table.Host);
        Assert.Equal(2, table.Generation);
        Assert.Empty(update.Removed);
        Assert.Equal("ingress", Assert.Single(update.Gateways).Metadata.Name);
        Assert.InRange(update.CommittedAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task DeleteAsync_Subscribed_PushesEmptiedHostAsRemoved()
    {
        var host = UniqueHost();
        var vs = VirtualService("vs", [host]);
        await grain.ApplyAsync(Apply(vs));
        var observer = new RecordingObserver();
        await grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));

        await grain.DeleteAsync(new DeleteRequest { Resources = [vs.Id] });
        var update = await observer.NextAsync();

        Assert.Equal([host], update.Removed.ToArray());
        Assert.Empty(update.Changed);
    }
}
