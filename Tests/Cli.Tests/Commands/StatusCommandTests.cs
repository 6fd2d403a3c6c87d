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

    [Fact]
    public async Task Status_GatewayAcknowledgedAPushAfterRenewing_ShowsSyncedAndWhen()
    {
        var current = (await Cluster.ConfigGrain.GetSnapshotAsync()).Version;
        var gateway = Cluster.Grains.CreateObjectReference<IMeshObserver>(new SilentObserver());
        await Cluster.ConfigGrain.SubscribeAsync(gateway, current with { Generation = current.Generation - 1 });
        try
        {
            await Cluster.ConfigGrain.AcknowledgeAsync(gateway, current);
            await AcknowledgedAsync(gateway, current);

            var result = await RunAsync("status", "-o", "json");

            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = JsonDocument.Parse(result.Out);
            var view = json.RootElement.GetProperty("gateways").EnumerateArray().Single(g => g.GetProperty("id").GetString() == gateway.GetGrainId().ToString());
            Assert.Equal("SYNCED", view.GetProperty("sync").GetString());
            Assert.Equal(JsonValueKind.String, view.GetProperty("lastAcknowledged").ValueKind);
        }
        finally
        {
            await Cluster.ConfigGrain.UnsubscribeAsync(gateway);
        }
    }

    [Fact]
    public async Task Acknowledge_OlderThanWhatTheGatewayLastSaid_IsIgnored()
    {
        var current = (await Cluster.ConfigGrain.GetSnapshotAsync()).Version;
        var gateway = Cluster.Grains.CreateObjectReference<IMeshObserver>(new SilentObserver());
        await Cluster.ConfigGrain.SubscribeAsync(gateway, current);
        try
        {
            await Cluster.ConfigGrain.AcknowledgeAsync(gateway, current with { Generation = current.Generation - 1 });

            // A two-way call after the one-way one: the grain has handled the acknowledgement by then.
            var subscriber = (await Cluster.ConfigGrain.ListSubscribersAsync()).Single(s => s.Id == gateway.GetGrainId().ToString());
            Assert.Equal(current, subscriber.Served);
            Assert.Null(subscriber.LastAcknowledged);
        }
        finally
        {
            await Cluster.ConfigGrain.UnsubscribeAsync(gateway);
        }
    }

    private async Task AcknowledgedAsync(IMeshObserver gateway, MeshVersion version)
    {
        var id = gateway.GetGrainId().ToString();
        for (var i = 0; i < 100; i++)
        {
            if ((await Cluster.ConfigGrain.ListSubscribersAsync()).Any(s => s.Id == id && s.Served == version))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the acknowledgement never reached the config grain");
    }

    private sealed class SilentObserver : IMeshObserver
    {
        public Task OnMeshUpdatedAsync(MeshUpdate update) => Task.CompletedTask;
    }
}
