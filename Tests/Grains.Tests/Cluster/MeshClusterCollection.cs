namespace OrleansMesh.Grains.Tests.Cluster;

/// <summary>The grain test classes share one cluster; each test uses its own config grain key and hosts.</summary>
[CollectionDefinition(Name)]
public sealed class MeshClusterCollection : ICollectionFixture<MeshClusterFixture>
{
    public const string Name = "mesh cluster";
}
