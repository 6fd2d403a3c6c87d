using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Grains.Tests.Storage;

namespace OrleansMesh.Grains.Tests.Cluster;

/// <summary>
/// One silo whose mesh storage fails route-table writes on demand, on a fake clock (grain timers included),
/// so a test decides when the config grain's repair timer ticks.
/// </summary>
public sealed class FaultyStorageClusterFixture : IAsyncLifetime
{
    private const string InnerStorage = "mesh-inner";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public StorageFaults Faults { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(InnerStorage, o => o.Configure<Serializer>((memory, serializer) =>
                memory.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            silo.Services.AddGrainStorage(MeshStorage.Name, (services, _) =>
                new FaultyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(InnerStorage), Faults));
            silo.Services.AddSingleton<TimeProvider>(Time);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is { } cluster)
        {
            await cluster.DisposeAsync();
        }
    }
}
