using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Grains.Storage;

namespace OrleansMesh.Grains.Tests.Identity;

/// <summary>One silo whose CA signs without workload credentials (<c>RequireWorkloadCredential=false</c>, the dev mesh).</summary>
public sealed class OpenCaClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMeshMemoryGrainStorage();
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.Configure<CertificateAuthorityOptions>(o => o.RequireWorkloadCredential = false);
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
