using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Tests.Cluster;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Config;

[Collection(MeshClusterCollection.Name)]
public sealed class MeshConfigGrainEpochTests(MeshClusterFixture fixture)
{
    private readonly IMeshConfigGrain grain = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");

    [Fact]
    public async Task SubscribeAsync_NeverWrittenStore_NonEmptyEpochAtGenerationZero()
    {
        var version = await SubscribeAsync(new RecordingObserver());

        Assert.NotEqual(Guid.Empty, version.Epoch);
        Assert.Equal(0, version.Generation);
    }

    [Fact]
    public async Task SubscribeAsync_CalledTwice_SameEpoch()
    {
        var first = await SubscribeAsync(new RecordingObserver());

        var second = await SubscribeAsync(new RecordingObserver());

        Assert.Equal(first.Epoch, second.Epoch);
    }

    [Fact]
    public async Task SubscribeAsync_AfterFirstCommit_EpochDrawnBeforeIsKept()
    {
        var before = await SubscribeAsync(new RecordingObserver());
        await grain.ApplyAsync(Apply(VirtualService("vs", [UniqueHost()])));

        var after = await SubscribeAsync(new RecordingObserver());

        Assert.Equal(new MeshVersion(before.Epoch, 1), after);
    }

    [Fact]
    public async Task SubscribeAsync_OtherConfigGrain_OtherEpoch()
    {
        var other = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");
        var observer = fixture.Client.CreateObjectReference<IMeshObserver>(new RecordingObserver());

        var mine = await SubscribeAsync(new RecordingObserver());

        Assert.NotEqual(mine.Epoch, (await other.SubscribeAsync(observer)).Epoch);
    }

    [Fact]
    public async Task GetSnapshotAsync_AfterCommit_CarriesEpoch()
    {
        await grain.ApplyAsync(Apply(VirtualService("vs", [UniqueHost()])));
        var version = await SubscribeAsync(new RecordingObserver());

        var snapshot = await grain.GetSnapshotAsync();

        Assert.Equal(version, snapshot.Version);
    }

    [Fact]
    public async Task ApplyAsync_Subscribed_UpdateCarriesEpoch()
    {
        var observer = new RecordingObserver();
        var version = await SubscribeAsync(observer);

        await grain.ApplyAsync(Apply(VirtualService("vs", [UniqueHost()])));
        var update = await observer.NextAsync();

        Assert.Equal(version.Epoch, update.Epoch);
    }

    [Fact]
    public async Task DeleteAsync_Subscribed_UpdateCarriesEpoch()
    {
        var vs = VirtualService("vs", [UniqueHost()]);
        await grain.ApplyAsync(Apply(vs));
        var observer = new RecordingObserver();
        var version = await SubscribeAsync(observer);

        await grain.DeleteAsync(new DeleteRequest { Resources = [vs.Id] });
        var update = await observer.NextAsync();

        Assert.Equal(version.Epoch, update.Epoch);
    }

    private Task<MeshVersion> SubscribeAsync(RecordingObserver observer) =>
        grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));
}
