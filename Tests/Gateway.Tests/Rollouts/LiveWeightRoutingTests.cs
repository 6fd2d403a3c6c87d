using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Rollouts;

public sealed class LiveWeightRoutingTests
{
    private static readonly LiveWeight Canary30 = new()
    {
        Rollout = new(ResourceKind.Rollout, "default", "reviews"),
        Host = "reviews",
        Stable = "v1",
        Canary = "v2",
        CanaryWeight = 30,
    };

    [Fact]
    public void Compile_LiveWeight_SplitsRouteWrittenToStableOnly()
    {
        var action = Forward(Compile([Canary30], RouteTo("reviews", subset: "v1")));

        Assert.Equal([70, 30], action.Destinations.Select(d => d.Weight));
        Assert.EndsWith("|v2|reviews", action.Destinations[1].Cluster.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NoLiveWeight_KeepsRouteAsWritten()
    {
        var action = Forward(Compile([], RouteTo("reviews", subset: "v1")));

        Assert.Equal([100], action.Destinations.Select(d => d.Weight));
    }

    [Fact]
    public void Pick_AbTestWithHeaderHash_SameUserAlwaysGetsOneSubset()
    {
        var ab = Canary30 with { CanaryWeight = null, Sticky = true };
        var split = RouteTo("reviews", subset: "v1") with
        {
            Route =
            [
                new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v1" }, Weight = 50 },
                new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v2" }, Weight = 50 },
            ],
        };
        var action = Forward(Compile([ab], split, new ConsistentHashSettings { HttpHeaderName = "x-user" }));

        var picks = Enumerable.Range(0, 50).Select(i => Picked(action, "user-7")).Distinct().ToList();
        var users = Enumerable.Range(0, 200).Select(i => Picked(action, $"user-{i}")).ToList();

        Assert.Single(picks);
        Assert.InRange(users.Count(u => u.EndsWith("|v2|reviews", StringComparison.Ordinal)), 60, 140);
    }

    [Fact]
    public void Pick_LiveWeightWithoutAbTest_IsNotSticky()
    {
        var action = Forward(Compile([Canary30 with { CanaryWeight = 50 }], RouteTo("reviews", subset: "v1"), new ConsistentHashSettings { HttpHeaderName = "x-user" }));

        Assert.Null(action.StickyHash);
    }

    private static string Picked(ForwardAction action, string user)
    {
        var request = Requests.Get("/", host: "reviews");
        request.Headers["x-user"] = user;
        return action.Pick(request.HttpContext).Cluster.Name;
    }

    private static ForwardAction Forward(RoutingSnapshot snapshot) =>
        Assert.IsType<ForwardAction>(snapshot.FindHost("reviews")?.Route(Requests.Get("/", host: "reviews"), out _)?.Action);

    private static RoutingSnapshot Compile(LiveWeight[] weights, HttpRoute route, ConsistentHashSettings? hash = null)
    {
        var policy = hash is null ? null : new TrafficPolicy { LoadBalancer = new LoadBalancerSettings { ConsistentHash = hash } };
        var table = Table(
            "reviews",
            Service("reviews", Workload("127.0.0.1", "v1"), Workload("127.0.0.2", "v2")),
            Rule("reviews", policy, Subset("v1", ("version", "v1")), Subset("v2", ("version", "v2"))),
            VirtualService("reviews", route));
        return Compiler(new EndpointStateCache(), new Random(1)).Compile(new MeshSnapshot { Generation = 1, Tables = [table], LiveWeights = [.. weights] }, NoLabels);
    }
}
