namespace OrleansMesh.Grains.Tests.Resilience;

/// <summary>The resilience grain tests share one cluster on a fake clock.</summary>
[CollectionDefinition(Name)]
public sealed class ResilienceClusterCollection : ICollectionFixture<ResilienceClusterFixture>
{
    public const string Name = "resilience cluster";
}
