using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansMesh.Grains.Storage;

namespace OrleansMesh.Grains.Tests.Cluster;

/// <summary>Two silos on 127.0.0.1 with memory grain storage named "mesh", shared by the grain tests.</summary>
public sealed class MeshClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMeshMemoryGrainStorage();
            silo.Services.AddSingleton(TimeProvider.System);
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
