using System.Text.Json;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class StatusCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    [Fact]
    public async Task Status_Table_ShowsGenerationAndTheActiveSilo()
    {
        var generation = (await Cluster.ConfigGrain.GetSnapshotAsync()).Generation;

        var result = await RunAsync("status");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"Config generation: {generation} (epoch ", result.OutLines[0], StringComparison.Ordinal);
        Assert.Matches(@"^SILO\s+NAME\s+STATUS\s+STARTED$", result.OutLines[1]);
        Assert.Matches(@"^127\.0\.0\.1:\d+@\d+\s+\S+\s+Active\s+\d{4}-\d\d-\d\dT", result.OutLines[2]);
    }

    [Fact]
    public async Task Status_GatewayServingCurrentAndOlderGenerations_ShowsSyncedAndStale()
    {
        var current = (await Cluster.ConfigGrain.GetSnapshotAsync()).Version;
        var synced = Cluster.Grains.CreateObjectReference<IMeshObserver>(new SilentObserver());
        var stale = Cluster.Grains.CreateObjectReference<IMeshObserver>(new SilentObserver());
        await Cluster.ConfigGrain.SubscribeAsync(synced, current);
        await Cluster.ConfigGrain.SubscribeAsync(stale, current with { Generation = current.Generation - 1 });
        try
        {
            var result = await RunAsync("status", "-o", "json");

            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = JsonDocument.Parse(result.Out);
            var gateways = json.RootElement.GetProperty("gateways").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!, g => g.GetProperty("sync").GetString());
            Assert.Equal("SYNCED", gateways[synced.GetGrainId().ToString()]);
            Assert.Equal("STALE", gateways[stale.GetGrainId().ToString()]);
            Assert.Equal(current.Generation, json.RootElement.GetProperty("generation").GetInt64());
        }
        finally
        {
            await Cluster.ConfigGrain.UnsubscribeAsync(synced);
            await Cluster.ConfigGrain.UnsubscribeAsync(stale);
        }
    }

    private sealed class SilentObserver : IMeshObserver
    {
        public Task OnMeshUpdatedAsync(MeshUpdate update) => Task.CompletedTask;
    }
}
