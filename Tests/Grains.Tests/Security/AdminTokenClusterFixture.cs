using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Security.Admin;

namespace OrleansMesh.Grains.Tests.Security;

/// <summary>One silo with an admin token; its client sends none unless a test puts one in the request context.</summary>
public sealed class AdminTokenClusterFixture : IAsyncLifetime
{
    public const string Token = "0123456789abcdef0123456789abcdef";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMeshMemoryGrainStorage();
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddMeshAdminToken(Token, enforce: true);
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
