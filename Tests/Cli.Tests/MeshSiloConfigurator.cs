using Orleans.TestingHost;
using OrleansMesh.Grains.Storage;

namespace OrleansMesh.Cli.Tests;

/// <summary>What the silo host adds for the mesh grains: their storage provider (the grains project registers none).</summary>
public sealed class MeshSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddMeshMemoryGrainStorage();
}
