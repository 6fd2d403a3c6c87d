using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansMesh.Grains.Storage;

namespace OrleansMesh.Grains.Tests.Resilience;

/// <summary>
/// Two silos on one fake clock, so a test decides when a breaker's break duration is over.
/// Tests share the clock: each uses its own grain keys, and only moves the clock forward.
/// </summary>
public sealed class ResilienceClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public FakeTimeProvider Time { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMeshMemoryGrainStorage();
            silo.Services.AddSingleton<TimeProvider>(Time);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await Cluster.WaitForLivenessToStabilizeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is { } cluster)
        {
            await cluster.DisposeAsync();
        }
    }
}
