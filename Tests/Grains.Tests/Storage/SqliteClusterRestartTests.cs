using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Storage;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Storage;

public sealed class SqliteClusterRestartTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task ApplyAsync_ClusterRestarted_ConfigAndTablesStillThere()
    {
        var host = UniqueHost();
        await using (var first = await StartClusterAsync())
        {
            var applied = await first.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey)
                .ApplyAsync(Apply(VirtualService("vs", [host]), ServiceEntry("se", [host])));
            Assert.True(applied.Succeeded);
        }

        await using var second = await StartClusterAsync();
        var grain = second.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);
        var snapshot = await grain.GetSnapshotAsync();

        Assert.Equal(2, (await grain.ListAsync()).Length);
        Assert.Equal(1, snapshot.Generation);
        var table = Assert.Single(snapshot.Tables);
        Assert.Equal(host, table.Host);
        Assert.Equal(1, table.Generation);
    }

    [Fact]
    public async Task GetSnapshotAsync_ClusterRestarted_SameEpoch()
    {
        Guid epoch;
        await using (var first = await StartClusterAsync())
        {
            var grain = first.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);
            epoch = (await grain.GetSnapshotAsync()).Epoch;
            Assert.True((await grain.ApplyAsync(Apply(VirtualService("vs", [UniqueHost()])))).Succeeded);
        }

        await using var second = await StartClusterAsync();
        var snapshot = await second.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).GetSnapshotAsync();

        Assert.Equal(new MeshVersion(epoch, 1), snapshot.Version);
    }

    [Fact]
    public async Task GetSnapshotAsync_DatabaseLost_NewEpochAtGenerationZero()
    {
        Guid epoch;
        await using (var first = await StartClusterAsync("mesh.db"))
        {
            var grain = first.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);
            Assert.True((await grain.ApplyAsync(Apply(VirtualService("vs", [UniqueHost()])))).Succeeded);
            epoch = (await grain.GetSnapshotAsync()).Epoch;
        }

        await using var second = await StartClusterAsync("fresh.db");
        var snapshot = await second.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).GetSnapshotAsync();

        Assert.Equal(0, snapshot.Generation);
        Assert.NotEqual(epoch, snapshot.Epoch);
        Assert.NotEqual(Guid.Empty, snapshot.Epoch);
    }

    private async Task<InProcessTestCluster> StartClusterAsync(string file = "mesh.db")
    {
        var builder = new InProcessTestClusterBuilder(2);
        var database = Path.Combine(directory.Path, file);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSqliteGrainStorage(MeshStorage.Name, o => o.DataSource = database);
            silo.Services.AddSingleton(TimeProvider.System);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
