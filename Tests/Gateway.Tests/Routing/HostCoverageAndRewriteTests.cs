using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Routing;

/// <summary>Istio behaviours of host coverage, wildcard rules, subset names and prefix rewrites.</summary>
public sealed class HostCoverageAndRewriteTests
{
    [Fact]
    public void Compile_SuffixWildcardVirtualService_AppliesToRegistryHostItCovers()
    {
        var snapshot = Compile(
            Table("a.example.com", Service("a.example.com", Workload("127.0.0.1"))),
            Table("*.example.com", virtualServices: VirtualService("wild", ["*.example.com"], [], Answer(418))));

        var host = snapshot.FindHost("a.example.com");

        Assert.Equal("*.example.com", host?.Name);
    }

    [Fact]
    public void Compile_CatchAllVirtualService_DoesNotHideRegistryHostDefaultRoute()
    {
        var snapshot = Compile(
            Table("ratings", Service("ratings", Workload("127.0.0.1"))),
            Table("*", virtualServices: VirtualService("all", ["*"], [], Answer(418))));

        Assert.Equal("ratings", snapshot.FindHost("ratings")?.Name);
    }

    [Fact]
    public void Compile_WildcardDestinationRule_AppliesToCoveredServiceHost()
    {
        var snapshot = Compile(
            Table("a.example.com", Service("a.example.com", Workload("127.0.0.1", "v1"), Workload("127.0.0.2", "v2")),
                virtualServices: VirtualService("a.example.com", RouteTo("a.example.com", subset: "v2"))),
            Table("*.example.com", rule: Rule("*.example.com", Balance(SimpleLoadBalancer.RoundRobin), Subset("v2", ("version", "v2")))));

        var cluster = Cluster(snapshot, "a.example.com");

        Assert.Equal(["http://127.0.0.2:9080"], Prefixes(cluster));
        Assert.IsType<RoundRobinPolicy>(cluster.Policy);
    }

    [Fact]
    public void Compile_SubsetsDifferingOnlyInCase_GetSeparateClusters()
    {
        var snapshot = Compile(Table(
            "reviews",
            Service("reviews", Workload("127.0.0.1", "v1"), Workload("127.0.0.2", "V1")),
            Rule("reviews", null, Subset("v1", ("version", "v1")), Subset("V1", ("version", "V1"))),
            VirtualService("reviews", new HttpRoute
            {
                Route =
                [
                    new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v1" }, Weight = 50 },
                    new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = "V1" }, Weight = 50 },
                ],
            })));

        var forward = Forward(snapshot, "reviews");

        Assert.Equal(["http://127.0.0.1:9080"], Prefixes(forward.Destinations[0].Cluster));
        Assert.Equal(["http://127.0.0.2:9080"], Prefixes(forward.Destinations[1].Cluster));
    }

    [Fact]
    public void Compile_SubsetPortLevelPolicy_BeatsSubsetPolicy()
    {
        var subset = new Subset
        {
            Name = "v1",
            Labels = Labels(("version", "v1")),
            TrafficPolicy = new TrafficPolicy
            {
                LoadBalancer = new LoadBalancerSettings { Simple = SimpleLoadBalancer.Random },
                PortLevelSettings = [new PortTrafficPolicy { Port = 9080, LoadBalancer = new LoadBalancerSettings { Simple = SimpleLoadBalancer.RoundRobin } }],
            },
        };
        var snapshot = Compile(Table(
            "reviews",
            Service("reviews", Workload("127.0.0.1", "v1")),
            Rule("reviews", null, subset),
            VirtualService("reviews", RouteTo("reviews", subset: "v1"))));

        Assert.IsType<RoundRobinPolicy>(Cluster(snapshot, "reviews").Policy);
    }

    [Fact]
    public void RewritablePrefix_MatchWithoutUri_IsSlashAsEnvoyRoutesIt()
    {
        var match = new RequestMatch(new HttpMatchRequest { Headers = System.Collections.Immutable.ImmutableDictionary<string, StringMatch>.Empty.Add("end-user", StringMatch.Exact("jason")) });

        Assert.Equal("/", match.RewritablePrefix);
    }

    [Fact]
    public void RewritablePrefix_ExactUriMatch_IsNullSoTheWholePathIsReplaced()
    {
        Assert.Null(new RequestMatch(Uri(StringMatch.Exact("/login"))).RewritablePrefix);
    }

    [Fact]
    public void PathRewrite_ResultWithoutLeadingSlash_GetsOne()
    {
        var rewrite = Gateway.Forwarding.PathRewrite.Create(new HttpRewrite { UriRegexRewrite = new RegexRewrite { Match = "^/api/(.*)$", Rewrite = "\\1" } }, null);

        Assert.Equal("/users/1", rewrite!.Apply("/api/users/1"));
    }
}
