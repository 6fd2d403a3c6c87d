using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Config;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Grains.Tests.Cluster;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Config;

/// <summary>A config stored by a version that wrote route tables without the endpoints' namespace.</summary>
[Collection(MeshClusterCollection.Name)]
public sealed class MeshConfigGrainTableUpgradeTests(MeshClusterFixture fixture)
{
    private readonly string host = UniqueHost();

    private IGrainStorage Storage => fixture.Cluster.Silos[0].SiloHost!.Services.GetRequiredKeyedService<IGrainStorage>(MeshStorage.Name);

    [Fact]
    public async Task Activation_OldTableFormat_RewritesTheTablesAndAnnouncesANewGeneration()
    {
        var (grain, generation) = await StoreOldFormatAsync();

        var snapshot = await WaitForGenerationAsync(grain, generation + 1);

        Assert.Equal("team-a", snapshot.Tables.Single(t => t.Host == host).Service!.Namespace);
        Assert.Equal("team-a", (await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync()).Service!.Namespace);
    }

    [Fact]
    public async Task Activation_OldTableFormat_RecordsTheCurrentFormat()
    {
        var (grain, generation) = await StoreOldFormatAsync();
        await WaitForGenerationAsync(grain, generation + 1);

        var stored = new GrainState<MeshConfigState>(new MeshConfigState());
        await Storage.ReadStateAsync("meshConfig", grain.GetGrainId(), stored);

        Assert.Equal(MeshConfigGrain.CurrentTableFormat, stored.State!.TableFormat);
        Assert.Equal(generation + 1, stored.State!.Generation);
    }

    [Fact]
    public async Task Apply_NewStore_StoresTheCurrentFormat()
    {
        var grain = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");

        await grain.ApplyAsync(Apply(ServiceEntry("svc", [host], endpoints: ["127.0.0.1"])));

        var stored = new GrainState<MeshConfigState>(new MeshConfigState());
        await Storage.ReadStateAsync("meshConfig", grain.GetGrainId(), stored);
        Assert.Equal(MeshConfigGrain.CurrentTableFormat, stored.State!.TableFormat);
    }

    // Applies through one store, then copies its state, marked as the old format, to a store never activated, with
    // the route table as the old version wrote it (no namespace).
    private async Task<(IMeshConfigGrain Grain, long Generation)> StoreOldFormatAsync()
    {
        var source = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");
        var result = await source.ApplyAsync(Apply(ServiceEntry("svc", [host], endpoints: ["127.0.0.1"], ns: "team-a")));
        Assert.True(result.Succeeded);

        var state = new GrainState<MeshConfigState>(new MeshConfigState());
        await Storage.ReadStateAsync("meshConfig", source.GetGrainId(), state);
        state.State!.TableFormat = 0;
        var upgraded = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");
        await Storage.WriteStateAsync("meshConfig", upgraded.GetGrainId(), new GrainState<MeshConfigState>(state.State));

        var table = await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync();
        await fixture.Client.GetGrain<IRouteTableGrain>(host).ReplaceAsync(table with { Service = table.Service! with { Namespace = "default" } });
        return (upgraded, state.State.Generation);
    }

    private static async Task<MeshSnapshot> WaitForGenerationAsync(IMeshConfigGrain grain, long generation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var snapshot = await grain.GetSnapshotAsync();
            if (snapshot.Generation >= generation || DateTime.UtcNow > deadline)
            {
                Assert.Equal(generation, snapshot.Generation);
                return snapshot;
            }

            await Task.Delay(20);
        }
    }
}
