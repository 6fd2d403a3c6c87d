using System.Text.Json;
using OrleansMesh.Configuration;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class RolloutCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private const string Manifest = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: chat}
        spec:
          host: chat.rollout.test
          subsets:
          - {name: v1, labels: {version: v1}}
          - {name: v2, labels: {version: v2}}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: chat}
        spec:
          hosts: [chat.rollout.test]
          http:
          - name: primary
            route:
            - destination: {host: chat.rollout.test, subset: v1}
        ---
        apiVersion: orleansmesh.io/v1alpha1
        kind: Rollout
        metadata: {name: chat}
        spec:
          host: chat.rollout.test
          stable: v1
          canary: v2
          analysis:
            interval: 1h
            threshold: 3
            stepWeight: 10
            maxWeight: 50
            metrics:
            - name: request-success-rate
              thresholdRange: {min: 99}
        """;

    [Fact]
    public async Task GetRollouts_Started_ListsHostSubsetsPhaseWeightAndSteps()
    {
        await ApplyManifestAsync();
        await ProgressingAsync();

        var result = await RunAsync("get", "rollouts");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["NAME   HOST                STABLE   CANARY   PHASE         WEIGHT   STEP   MAX   INTERVAL", "chat   chat.rollout.test   v1       v2       Progressing   10       10     50    1h"],
            result.OutLines);
    }

    [Fact]
    public async Task RolloutStatus_Started_ShowsPhaseWeightAndHistory()
    {
        await ApplyManifestAsync();
        await ProgressingAsync();

        var result = await RunAsync("rollout", "status", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Status:   Progressing: v2 10 %, v1 90 % (0 passed, 0/3 failed)", result.OutLines);
        Assert.Contains(result.OutLines, l => l.Contains("analysis started: stable v1, canary v2 of chat.rollout.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RolloutPauseAndPromote_Json_ChangeTheDriversState()
    {
        await ApplyManifestAsync();
        await ProgressingAsync();

        var paused = await RunAsync("rollout", "pause", "chat", "-o", "json");
        var promoted = await RunAsync("rollout", "promote", "chat", "-o", "json");

        Assert.True(paused.ExitCode == 0, paused.ToString());
        Assert.True(JsonDocument.Parse(paused.Out).RootElement.GetProperty("paused").GetBoolean());
        var status = JsonDocument.Parse(promoted.Out).RootElement;
        Assert.Equal(("Succeeded", 100), (status.GetProperty("phase").GetString(), status.GetProperty("canaryWeight").GetInt32()));
    }

    [Fact]
    public async Task GetVirtualServiceYaml_RolloutWeightSet_ShowsSpecAsWrittenAndLiveWeightsAsStatus()
    {
        await ApplyManifestAsync();
        await ProgressingAsync();

        var result = await RunAsync("get", "vs", "chat", "-o", "yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(
            """
            status:
              liveWeights:
              - rollout: default/chat
                route: primary
                destinations:
                - host: chat.rollout.test
                  subset: v1
                  weight: 90
                - host: chat.rollout.test
                  subset: v2
                  weight: 10
            """,
            result.Out.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        var written = Assert.IsType<VirtualService>(Assert.Single(MeshConfigLoader.Load(result.Out, "get.yaml").Resources).Resource);
        Assert.Equal("v1", Assert.Single(written.Spec.Http[0].Route).Destination.Subset);
    }

    [Fact]
    public async Task RolloutStatus_NotStored_SaysNotFound()
    {
        var result = await RunAsync("rollout", "status", "missing");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("rollouts \"missing\" not found in namespace \"default\"", result.Error, StringComparison.Ordinal);
    }

    private async Task ApplyManifestAsync()
    {
        var applied = await RunWithStdinAsync(Manifest, "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.ToString());
    }

    // The config store starts the driver when the Rollout is applied; it takes its first step within a tick.
    private async Task ProgressingAsync()
    {
        var driver = Cluster.Grains.GetGrain<IRolloutGrain>(IRolloutGrain.KeyOf("default", "chat"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while ((await driver.GetStatusAsync()) is not { Phase: RolloutPhase.Progressing, Deleted: false })
        {
            await Task.Delay(50, deadline.Token);
        }

        var weights = Cluster.ConfigGrain;
        while ((await weights.ListLiveWeightsAsync()).All(w => w.CanaryWeight != 10 || w.Rollout.Name != "chat"))
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}
