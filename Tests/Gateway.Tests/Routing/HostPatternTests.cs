using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class HostPatternTests
{
    [Theory]
    [InlineData("reviews")]
    [InlineData("*.example.com")]
    [InlineData("*")]
    public void Covers_Star_CoversEveryHost(string host)
    {
        Assert.True(HostPattern.Covers("*", host));
    }

    [Fact]
    public void Covers_ExactInOtherCase_Covers()
    {
        Assert.True(HostPattern.Covers("Bookinfo.com", "bookinfo.com"));
    }

    [Fact]
    public void Covers_WildcardSuffix_CoversDeepSubdomain()
    {
        Assert.True(HostPattern.Covers("*.example.com", "a.b.example.com"));
    }

    [Fact]
    public void Covers_WildcardSuffix_DoesNotCoverTheApex()
    {
        Assert.False(HostPattern.Covers("*.example.com", "example.com"));
    }

    [Fact]
    public void Covers_WildcardSuffix_CoversNarrowerWildcard()
    {
        Assert.True(HostPattern.Covers("*.example.com", "*.api.example.com"));
    }

    [Fact]
    public void Covers_NarrowerWildcard_DoesNotCoverBroaderOne()
    {
        Assert.False(HostPattern.Covers("*.api.example.com", "*.example.com"));
    }

    [Fact]
    public void Covers_ExactHost_DoesNotCoverOtherHost()
    {
        Assert.False(HostPattern.Covers("bookinfo.com", "reviews"));
    }
}
