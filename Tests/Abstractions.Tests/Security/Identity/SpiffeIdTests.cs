using OrleansMesh.Security.Identity;

namespace OrleansMesh.Abstractions.Tests.Security.Identity;

public sealed class SpiffeIdTests
{
    [Fact]
    public void TryParse_IstioWorkloadId_ReadsItsParts()
    {
        Assert.True(SpiffeId.TryParse("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews", out var id));

        Assert.Equal(("cluster.local", "bookinfo", "bookinfo-reviews"), (id.TrustDomain, id.Namespace, id.ServiceAccount));
        Assert.Equal("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews", id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("spiffe://")]
    [InlineData("SPIFFE://cluster.local/ns/a/sa/b")]
    [InlineData("spiffe://cluster.local/ns/a/sa/")]
    [InlineData("spiffe://cluster.local/ns//sa/b")]
    [InlineData("spiffe://cluster.local/ns/a/sa/b/")]
    [InlineData("spiffe://cluster.local:443/ns/a/sa/b")]
    [InlineData("spiffe://user@cluster.local/ns/a/sa/b")]
    [InlineData("spiffe://cluster.local/ns/a/sa/b?x=1")]
    [InlineData("spiffe://cluster.local/ns/a/sa/b#f")]
    [InlineData("spiffe://cluster.local/ns/./sa/b")]
    [InlineData("spiffe://cluster.local/ns/a/sa/..")]
    [InlineData("spiffe://cluster.local/ns/a%2Fb/sa/c")]
    [InlineData("spiffe://CLUSTER.local/ns/a/sa/b")]
    [InlineData("spiffe:///ns/a/sa/b")]
    public void TryParse_NotAWorkloadSpiffeId_False(string? value)
    {
        Assert.False(SpiffeId.TryParse(value, out _));
    }

    [Fact]
    public void Create_InvalidPart_Throws()
    {
        Assert.Throws<ArgumentException>(() => SpiffeId.Create("cluster.local", "a/b", "c"));
    }

    [Theory]
    [InlineData("cluster.local", true)]
    [InlineData("example_org-1.prod", true)]
    [InlineData("Cluster.local", false)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    public void IsValidTrustDomain_SpiffeCharacterSet(string trustDomain, bool valid)
    {
        Assert.Equal(valid, SpiffeId.IsValidTrustDomain(trustDomain));
    }
}
