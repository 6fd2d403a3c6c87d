using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Rollouts;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Grains.Tests.Storage;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using static OrleansMesh.Grains.Tests.Rollouts.RolloutSpecs;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Rollouts;

/// <summary>A Rollout's driver across a restart of the whole cluster: its step and its weight come back as they were.</summary>
public sealed class RolloutClusterRestartTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Driver_ClusterRestarted_ResumesAtItsStoredStepWithItsWeight()
    {
        var host = UniqueHost();
        var rollout = Rollout(name: $"ro-{Guid.NewGuid():N}", host: host, interval: TimeSpan.FromHours(1));
        var key = IRolloutGrain.KeyOf("default", rollout.Metadata.Name);
        RolloutStatus before;
        await using (var first = await StartClusterAsync())
        {
            var applied = await first.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ApplyAsync(Apply(Rule(host), Route(host), rollout));
            Assert.True(applied.Succeeded, string.Join(Environment.NewLine, applied.Diagnostics));
            before = await UntilAsync(first.Client.GetGrain<IRolloutGrain>(key), s => s.Phase == RolloutPhase.Progressing);
            await UntilAsync(first.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey), w => w.CanaryWeight == 10);
        }

        await using var second = await StartClusterAsync();
        var driver = second.Client.GetGrain<IRolloutGrain>(key);
        var after = await driver.GetStatusAsync();
        var paused = await driver.PauseAsync();

        Assert.Equal((RolloutPhase.Progressing, 10), (after!.Phase, after.CanaryWeight));
        Assert.Equal(before.Events.Length, after.Events.Length);
        Assert.Equal(10, Assert.Single(await second.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ListLiveWeightsAsync(), w => w.Host == host).CanaryWeight);
        Assert.True(paused.Paused);
    }

    private static DestinationRule Rule(string host) => DestinationRule("dr", host) with
    {
        Spec = new DestinationRuleSpec { Host = host, Subsets = [new Subset { Name = "v1", Labels = Labels(("version", "v1")).ToImmutableDictionary() }, new Subset { Name = "v2", Labels = Labels(("version", "v2")).ToImmutableDictionary() }] },
    };

    private static VirtualService Route(string host) => VirtualService("vs", [host]) with
    {
        Spec = new VirtualServiceSpec { Hosts = [host], Http = [new HttpRoute { Route = [new HttpRouteDestination { Destination = new Destination { Host = host, Subset = "v1" } }] }] },
    };

    private static async Task<RolloutStatus> UntilAsync(IRolloutGrain driver, Func<RolloutStatus, bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await driver.GetStatusAsync() is { } status && condition(status))
            {
                return status;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    private static async Task UntilAsync(IMeshConfigGrain config, Func<LiveWeight, bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await config.ListLiveWeightsAsync()).Any(condition))
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        var database = Path.Combine(directory.Path, "mesh.db");
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSqliteGrainStorage(MeshStorage.Name, o => o.DataSource = database);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddMeshRollouts();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
