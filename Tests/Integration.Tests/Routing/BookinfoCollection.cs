namespace OrleansMesh.Integration.Tests.Routing;

/// <summary>The Bookinfo tests share one mesh and change its config, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BookinfoCollection : ICollectionFixture<BookinfoFixture>
{
    public const string Name = "Bookinfo mesh";
}
