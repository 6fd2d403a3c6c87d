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

    // Istio pkg/config/validation/agent/validation.go ValidateWildcardDomain allows '*name' and '*-name' first labels;
    // Envoy's suffix wildcards give them their meaning: '*' is at least one character.
    [Theory]
    [InlineData("eu-api.example.com", true)]
    [InlineData("-api.example.com", false)]
    [InlineData("api.example.com", false)]
    public void Covers_PartialWildcard_CoversNamesEndingWithItsSuffix(string host, bool covered)
    {
        Assert.Equal(covered, HostPattern.Covers("*-api.example.com", host));
    }

    [Fact]
    public void Covers_PartialWildcard_CoversNarrowerWildcard()
    {
        Assert.True(HostPattern.Covers("*api.example.com", "*.eu-api.example.com"));
    }
}
