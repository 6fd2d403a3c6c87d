using System.Collections.Immutable;
using OrleansMesh.Grains.Routing;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Tests.Routing;

/// <summary>
/// VirtualService delegation merged as Istio's pilot merges it: cases from TestMergeHttpRoutes,
/// TestMergeHTTPMatchRequests and TestHasConflict in istio/istio pilot/pkg/model/virtualservice_test.go.
/// </summary>
public sealed class DelegateMergeTests
{
    private static readonly Destination s_v1 = new() { Host = "productpage.org", Subset = "v1" };

    [Fact]
    public void MergeMatches_RootPrefixDelegateLongerPrefix_KeepsTheDelegates()
    {
        var (matches, conflict) = DelegateMerge.MergeMatches([Uri(StringMatch.Prefix("/productpage"))], [Uri(StringMatch.Prefix("/productpage/v1"))]);

        Assert.False(conflict);
        Assert.Equal(StringMatch.Prefix("/productpage/v1"), Assert.Single(matches).Uri);
    }

    [Fact]
    public void MergeMatches_RootPrefixDelegateExactUnderIt_KeepsTheDelegates()
    {
        var (matches, conflict) = DelegateMerge.MergeMatches([Uri(StringMatch.Prefix("/productpage"))], [Uri(StringMatch.Exact("/productpage/v1"))]);

        Assert.False(conflict);
        Assert.Equal(StringMatch.Exact("/productpage/v1"), Assert.Single(matches).Uri);
    }

    [Fact]
    public void MergeMatches_DelegateOutsideTheRoot_Conflicts()
    {
        var (_, conflict) = DelegateMerge.MergeMatches([Uri(StringMatch.Prefix("/productpage"))], [Uri(StringMatch.Exact("/reviews"))]);

        Assert.True(conflict);
    }

    [Fact]
    public void MergeMatches_RootRegexDelegateWithoutUri_KeepsTheRootsRegex()
    {
        var (matches, conflict) = DelegateMerge.MergeMatches([Uri(StringMatch.Regex("^/productpage"))], [new HttpMatchRequest()]);

        Assert.False(conflict);
        Assert.Equal(StringMatch.Regex("^/productpage"), Assert.Single(matches).Uri);
    }

    [Fact]
    public void MergeMatches_RootRegexDelegatePrefix_Conflicts()
        => Assert.True(DelegateMerge.MergeMatches([Uri(StringMatch.Regex("^/productpage"))], [Uri(StringMatch.Prefix("/productpage"))]).Conflict);

    [Fact]
    public void MergeMatches_TwoRootMatches_EachDelegateMatchMergesWithTheOneItFits()
    {
        ImmutableArray<HttpMatchRequest> root = [Uri(StringMatch.Prefix("/productpage")), Uri(StringMatch.Prefix("/reviews"))];

        var (matches, conflict) = DelegateMerge.MergeMatches(root, [Uri(StringMatch.Exact("/productpage/v1")), Uri(StringMatch.Exact("/reviews/v1"))]);

        Assert.False(conflict);
        Assert.Equal(["/productpage/v1", "/reviews/v1"], matches.Select(m => m.Uri!.Value));
    }

    [Fact]
    public void MergeMatches_Headers_MergedWithTheDelegatesWinning()
    {
        var root = new HttpMatchRequest { Uri = StringMatch.Prefix("/productpage"), Headers = Headers(("region", StringMatch.Exact("eu"))) };
        var leaf = new HttpMatchRequest { Headers = Headers(("version", StringMatch.Exact("v1"))) };

        var merged = Assert.Single(DelegateMerge.MergeMatches([root], [leaf]).Matches);

        Assert.Equal(StringMatch.Prefix("/productpage"), merged.Uri);
        Assert.Equal(["region", "version"], merged.Headers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HasConflict_HeaderValuesDiffer_Conflicts()
    {
        var root = new HttpMatchRequest { Headers = Headers(("version", StringMatch.Exact("v1"))) };
        var leaf = new HttpMatchRequest { Headers = Headers(("version", StringMatch.Exact("v2"))) };

        Assert.True(DelegateMerge.HasConflict(root, leaf));
    }

    [Fact]
    public void HasConflict_IgnoreUriCaseDiffers_Conflicts()
        => Assert.True(DelegateMerge.HasConflict(new HttpMatchRequest { IgnoreUriCase = true }, new HttpMatchRequest()));

    [Fact]
    public void HasConflict_LeafGatewayNotInRoots_Conflicts()
        => Assert.True(DelegateMerge.HasConflict(new HttpMatchRequest { Gateways = ["gw-a"] }, new HttpMatchRequest { Gateways = ["gw-b"] }));

    [Fact]
    public void MergeRoute_RootCatchAll_DelegateKeepsItsMatchAndTakesRootSettings()
    {
        var root = new HttpRoute { Name = "root", Timeout = TimeSpan.FromSeconds(10), Delegate = new VirtualServiceDelegate { Name = "delegate" } };
        var leaf = new HttpRoute { Name = "v1", Match = [Uri(StringMatch.Prefix("/productpage/v1"))], Route = [new HttpRouteDestination { Destination = s_v1 }] };

        var merged = DelegateMerge.MergeRoute(root, leaf)!;

        Assert.Equal(("root-v1", TimeSpan.FromSeconds(10)), (merged.Name, merged.Timeout));
        Assert.Equal(StringMatch.Prefix("/productpage/v1"), Assert.Single(merged.Match).Uri);
        Assert.Null(merged.Delegate);
    }

    [Fact]
    public void MergeRoute_DelegatesOwnSetting_Wins()
    {
        var root = new HttpRoute { Timeout = TimeSpan.FromSeconds(10), Delegate = new VirtualServiceDelegate { Name = "delegate" } };
        var leaf = new HttpRoute { Timeout = TimeSpan.FromSeconds(2), Route = [new HttpRouteDestination { Destination = s_v1 }] };

        Assert.Equal(TimeSpan.FromSeconds(2), DelegateMerge.MergeRoute(root, leaf)!.Timeout);
    }

    [Fact]
    public void MergeRoutes_ConflictingDelegateRoute_IsDropped()
    {
        var root = new HttpRoute { Match = [Uri(StringMatch.Prefix("/productpage"))], Delegate = new VirtualServiceDelegate { Name = "delegate" } };
        ImmutableArray<HttpRoute> delegateRoutes =
        [
            new() { Name = "inside", Match = [Uri(StringMatch.Prefix("/productpage/v1"))], Route = [new HttpRouteDestination { Destination = s_v1 }] },
            new() { Name = "outside", Match = [Uri(StringMatch.Prefix("/reviews"))], Route = [new HttpRouteDestination { Destination = s_v1 }] },
        ];

        var merged = DelegateMerge.MergeRoutes(root, delegateRoutes);

        Assert.Equal("inside", Assert.Single(merged).Name);
    }

    [Fact]
    public void Resolve_MissingDelegate_DropsTheRoute()
    {
        var root = new VirtualService
        {
            Metadata = new ResourceMetadata { Name = "root" },
            Spec = new VirtualServiceSpec
            {
                Hosts = ["productpage"],
                Http = [new HttpRoute { Delegate = new VirtualServiceDelegate { Name = "gone" } }, new HttpRoute { Name = "last", Route = [new HttpRouteDestination { Destination = s_v1 }] }],
            },
        };

        var resolved = DelegateMerge.Resolve(root, (_, _) => null);

        Assert.Equal("last", Assert.Single(resolved.Spec.Http).Name);
    }

    [Fact]
    public void Resolve_DelegateWithHosts_IsNotADelegate()
    {
        var other = new VirtualService { Metadata = new ResourceMetadata { Name = "other" }, Spec = new VirtualServiceSpec { Hosts = ["x"], Http = [new HttpRoute { Route = [new HttpRouteDestination { Destination = s_v1 }] }] } };
        var root = new VirtualService
        {
            Metadata = new ResourceMetadata { Name = "root" },
            Spec = new VirtualServiceSpec { Hosts = ["productpage"], Http = [new HttpRoute { Delegate = new VirtualServiceDelegate { Name = "other" } }] },
        };

        Assert.Empty(DelegateMerge.Resolve(root, (_, _) => other).Spec.Http);
    }

    [Fact]
    public void Resolve_DelegateNamespaceDefaultsToTheRoots()
    {
        var asked = new List<(string, string)>();
        var root = new VirtualService
        {
            Metadata = new ResourceMetadata { Name = "root", Namespace = "shop" },
            Spec = new VirtualServiceSpec { Hosts = ["productpage"], Http = [new HttpRoute { Delegate = new VirtualServiceDelegate { Name = "d" } }] },
        };

        DelegateMerge.Resolve(root, (ns, name) =>
        {
            asked.Add((ns, name));
            return null;
        });

        Assert.Equal([("shop", "d")], asked);
    }

    private static HttpMatchRequest Uri(StringMatch uri) => new() { Uri = uri };

    private static ImmutableDictionary<string, StringMatch> Headers(params (string Name, StringMatch Match)[] headers) =>
        headers.ToImmutableDictionary(h => h.Name, h => h.Match);
}
