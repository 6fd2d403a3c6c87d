using Orleans.TestingHost;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Storage;

namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>A real Orleans cluster of <paramref name="silos"/> silos running the mesh's grains, with memory storage.</summary>
internal sealed class MeshCluster(int silos = 2) : IAsyncDisposable
{
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

    public IGrainFactory Grains => Cluster.Client;

    public IMeshConfigGrain Config => Grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);

    public async Task StartAsync()
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo.AddMeshMemoryGrainStorage());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Applies YAML through the control plane, as meshctl does; fails the test on any error.</summary>
    public async Task<ConfigResult> ApplyAsync(string yaml, string file = "test.yaml")
    {
        var loaded = MeshConfigLoader.Load(yaml, file);
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        var result = await Config.ApplyAsync(new ApplyRequest { Resources = loaded.Resources });
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result;
    }

    public Task<ConfigResult> ApplyFileAsync(string path) => ApplyAsync(File.ReadAllText(path), Path.GetFileName(path));

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
