using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Identity;

/// <summary>One silo running the mesh CA grain, shared by the certificate-identity tests (each uses its own workloads).</summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    private readonly MeshCluster _cluster = new(silos: 1);

    internal IGrainFactory Grains => _cluster.Grains;

    internal MeshCluster Mesh => _cluster;

    public Task InitializeAsync() => _cluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
