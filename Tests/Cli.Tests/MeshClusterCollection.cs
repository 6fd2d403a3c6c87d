namespace OrleansMesh.Cli.Tests;

/// <summary>Tests that share the one test cluster and its stored config, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MeshClusterCollection : ICollectionFixture<MeshClusterFixture>
{
    public const string Name = "mesh cluster";
}
