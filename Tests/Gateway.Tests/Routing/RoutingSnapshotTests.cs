using OrleansMesh.Gateway.Routing;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class RoutingSnapshotTests
{
    [Fact]
    public void FindHost_ExactBeatsWildcard_ReturnsExactHost()
    {
        var snapshot = Hosts("api.example.com", "*.example.com", "*");

        Assert.Equal("api.example.com", snapshot.FindHost("api.example.com")?.Name);
    }

    [Fact]
    public void FindHost_WildcardBeatsCatchAll_ReturnsWildcardHost()
    {
        var snapshot = Hosts("api.example.com", "*.example.com", "*");

        Assert.Equal("*.example.com", snapshot.FindHost("www.example.com")?.Name);
    }

    [Fact]
    public void FindHost_NoExactOrWildcard_ReturnsCatchAll()
    {
        var snapshot = Hosts("api.example.com", "*.example.com", "*");

        Assert.Equal("*", snapshot.FindHost("localhost")?.Name);
    }

    [Fact]
    public void FindHost_TwoWildcardsCover_LongestSuffixWins()
    {
        // Listed shortest first, so the order of the tables cannot be what decides.
        var snapshot = Hosts("*.com", "*.example.com", "*.api.example.com");

        Assert.Equal("*.api.example.com", snapshot.FindHost("v1.api.example.com")?.Name);
    }

    [Fact]
    public void FindHost_WildcardApex_IsNotCovered()
    {
        var snapshot = Hosts("*.example.com");

        Assert.Null(snapshot.FindHost("example.com"));
    }

    [Fact]
    public void FindHost_HostWithPort_IgnoresThePort()
    {
        var snapshot = Hosts("reviews", "*");

        Assert.Equal("reviews", snapshot.FindHost("reviews:9080")?.Name);
    }

    [Fact]
    public void FindHost_WildcardHostWithPort_IgnoresThePort()
    {
        var snapshot = Hosts("*.example.com");

        Assert.Equal("*.example.com", snapshot.FindHost("www.example.com:8443")?.Name);
    }

    [Fact]
    public void FindHost_OtherCase_FindsExactHost()
    {
        var snapshot = Hosts("reviews", "*");

        Assert.Equal("reviews", snapshot.FindHost("REVIEWS")?.Name);
    }

    [Fact]
    public void FindHost_OtherCase_FindsWildcardHost()
    {
        var snapshot = Hosts("*.example.com");

        Assert.Equal("*.example.com", snapshot.FindHost("WWW.Example.COM")?.Name);
    }

    [Fact]
    public void FindHost_BracketedIpv6WithPort_StripsOnlyThePort()
    {
        var snapshot = Hosts("[::1]", "*");

        Assert.Equal("[::1]", snapshot.FindHost("[::1]:8080")?.Name);
    }

    [Fact]
    public void FindHost_UnknownHostWithoutCatchAll_ReturnsNull()
    {
        var snapshot = Hosts("reviews", "*.example.com");

        Assert.Null(snapshot.FindHost("ratings:9080"));
    }

    [Fact]
    public void FindHost_EmptySnapshot_ReturnsNull()
    {
        Assert.Null(RoutingSnapshot.Empty.FindHost("reviews"));
    }

    [Fact]
    public void Compile_ThreeKindsOfHosts_CountsEachOnce()
    {
        Assert.Equal(3, Hosts("reviews", "*.example.com", "*").HostCount);
    }

    private static RoutingSnapshot Hosts(params string[] hosts) =>
        Compile([.. hosts.Select(h => Table(h, virtualServices: VirtualService(h, Answer(200))))]);
}
