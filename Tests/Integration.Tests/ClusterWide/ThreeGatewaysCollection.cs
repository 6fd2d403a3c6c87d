namespace OrleansMesh.Integration.Tests.ClusterWide;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreeGatewaysCollection : ICollectionFixture<ThreeGatewaysFixture>
{
    public const string Name = "three gateways";
}
