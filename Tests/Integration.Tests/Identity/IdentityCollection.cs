namespace OrleansMesh.Integration.Tests.Identity;

/// <summary>
/// Runs alone: the rotation test keeps TLS handshakes going for seconds, which would skew the timing of other
/// collections' tests on a 2-core machine, and its own timing needs the CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFixture>
{
    public const string Name = "mesh identity";
}
