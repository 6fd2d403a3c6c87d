using OrleansMesh.Cli.Resources;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Tests.Resources;

public sealed class ResourceKindNamesTests
{
    [Theory]
    [InlineData("virtualservice", ResourceKind.VirtualService)]
    [InlineData("VirtualServices", ResourceKind.VirtualService)]
    [InlineData("vs", ResourceKind.VirtualService)]
    [InlineData("virtualservices.networking.istio.io", ResourceKind.VirtualService)]
    [InlineData("destinationrules", ResourceKind.DestinationRule)]
    [InlineData("dr", ResourceKind.DestinationRule)]
    [InlineData("serviceentries", ResourceKind.ServiceEntry)]
    [InlineData("se", ResourceKind.ServiceEntry)]
    [InlineData("workloadentry", ResourceKind.WorkloadEntry)]
    [InlineData("we", ResourceKind.WorkloadEntry)]
    [InlineData("gateways", ResourceKind.Gateway)]
    [InlineData("gw", ResourceKind.Gateway)]
    [InlineData("requestauthentications", ResourceKind.RequestAuthentication)]
    [InlineData("ra", ResourceKind.RequestAuthentication)]
    [InlineData("authorizationpolicies.security.istio.io", ResourceKind.AuthorizationPolicy)]
    [InlineData("ap", ResourceKind.AuthorizationPolicy)]
    [InlineData("pa", ResourceKind.PeerAuthentication)]
    public void TryResolve_KubectlAlias_GivesTheKind(string text, ResourceKind expected)
    {
        Assert.True(ResourceKindNames.TryResolve(text, out var kinds));
        Assert.Equal(expected, Assert.Single(kinds));
    }

    [Fact]
    public void TryResolve_All_GivesEveryKind()
    {
        Assert.True(ResourceKindNames.TryResolve("all", out var kinds));
        Assert.Equal(Enum.GetValues<ResourceKind>(), kinds.ToArray());
    }

    [Fact]
    public void TryResolve_UnknownKind_Fails()
    {
        Assert.False(ResourceKindNames.TryResolve("pods", out _));
    }

    [Fact]
    public void Qualified_ServiceEntry_IsSingularWithGroup()
    {
        Assert.Equal("serviceentry.networking.istio.io", ResourceKindNames.Qualified(ResourceKind.ServiceEntry));
        Assert.Equal("authorizationpolicy.security.istio.io", ResourceKindNames.Qualified(ResourceKind.AuthorizationPolicy));
    }
}
