namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary>The resilience tests share one mesh and count requests at its backends, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ResilienceCollection : ICollectionFixture<ResilienceFixture>
{
    public const string Name = "Resilience mesh";
}
