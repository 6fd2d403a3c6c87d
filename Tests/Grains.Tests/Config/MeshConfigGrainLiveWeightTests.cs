using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Tests.Cluster;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using static OrleansMesh.Grains.Tests.Rollouts.RolloutSpecs;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Config;

[Collection(MeshClusterCollection.Name)]
public sealed class MeshConfigGrainLiveWeightTests(MeshClusterFixture fixture)
{
    private readonly IMeshConfigGrain grain = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");

    [Fact]
    public async Task SetLiveWeightAsync_StoredRollout_PushesTheWeightInANewGeneration()
    {
        var (rollout, weight) = Stored(UniqueHost());
        await grain.ApplyAsync(Apply(rollout));
        var observer = new RecordingObserver();
        await grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));

        Assert.True(await grain.SetLiveWeightAsync(weight));
        var update = await observer.NextAsync();

        Assert.Equal((1L, 2L), (update.BaseGeneration, update.Generation));
        Assert.Empty(update.Changed);
        Assert.Equal(weight, Assert.Single(update.LiveWeights));
        Assert.Equal(weight, Assert.Single((await grain.GetSnapshotAsync()).LiveWeights));
    }

    [Fact]
    public async Task SetLiveWeightAsync_SameWeightAgain_KeepsTheGeneration()
    {
        var (rollout, weight) = Stored(UniqueHost());
        await grain.ApplyAsync(Apply(rollout));
        await grain.SetLiveWeightAsync(weight);

        Assert.True(await grain.SetLiveWeightAsync(weight with { }));

        Assert.Equal(2, (await grain.GetSnapshotAsync()).Generation);
    }

    [Fact]
    public async Task SetLiveWeightAsync_RolloutNotStored_ReturnsFalseAndChangesNothing()
    {
        var (_, weight) = Stored(UniqueHost());

        Assert.False(await grain.SetLiveWeightAsync(weight));

        Assert.Empty(await grain.ListLiveWeightsAsync());
    }

    [Fact]
    public async Task DeleteAsync_RolloutWithWeight_WarnsAndKeepsTheWeightOrphaned()
    {
        var (rollout, weight) = Stored(UniqueHost());
        await grain.ApplyAsync(Apply(rollout));
        await grain.SetLiveWeightAsync(weight);

        var result = await grain.DeleteAsync(new DeleteRequest { Resources = [rollout.Id] });

        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.StartsWith("the live weights it set stay on the routes of", StringComparison.Ordinal));
        Assert.True(Assert.Single(await grain.ListLiveWeightsAsync()).Orphaned);
    }

    [Fact]
    public async Task ApplyAsync_VirtualServiceRoutingToOrphanedWeight_ReturnsItsRoutesToAsWritten()
    {
        var host = UniqueHost();
        var (rollout, weight) = Stored(host);
        var service = VirtualService("vs", [host]) with { Spec = new VirtualServiceSpec { Hosts = [host], Http = [new HttpRoute { Route = [new HttpRouteDestination { Destination = new Destination { Host = host, Subset = "v1" } }] }] } };
        await grain.ApplyAsync(Apply(rollout, service));
        await grain.SetLiveWeightAsync(weight);
        await grain.DeleteAsync(new DeleteRequest { Resources = [rollout.Id] });

        var result = await grain.ApplyAsync(Apply(service));

        Assert.True(result.Succeeded);
        Assert.Empty(await grain.ListLiveWeightsAsync());
    }

    private static (Rollout Rollout, LiveWeight Weight) Stored(string host)
    {
        var rollout = Rollout(name: $"ro-{Guid.NewGuid():N}", host: host);
        return (rollout, new LiveWeight { Rollout = rollout.Id, Host = host, Stable = "v1", Canary = "v2", CanaryWeight = 20 });
    }
}
