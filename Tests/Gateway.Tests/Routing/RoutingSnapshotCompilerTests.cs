using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class RoutingSnapshotCompilerTests
{
    [Fact]
    public void Compile_ServiceWithoutVirtualService_DefaultRouteReachesAllEndpoints()
    {
        var snapshot = Compile(Table("ratings", Service("ratings", Workload("127.0.0.1"), Workload("127.0.0.2"))));

        Assert.Equal(["http://127.0.0.1:9080", "http://127.0.0.2:9080"], Prefixes(Cluster(snapshot, "ratings")));
    }

    [Fact]
    public void Compile_ServiceWithoutVirtualService_DefaultRouteCatchesEveryRequest()
    {
        var snapshot = Compile(Table("ratings", Service("ratings", Workload("127.0.0.1"))));

        var route = snapshot.FindHost("ratings:9080")?.Route(Requests.Get("/any/path", host: "ratings:9080"), out _);

        Assert.IsType<ForwardAction>(route?.Action);
    }

    [Fact]
    public void Compile_VirtualServiceRoutingToSubset_ReachesOnlyItsEndpoints()
    {
        var snapshot = Compile(Table(
            "reviews",
            Service("reviews", Workload("127.0.0.1", "v1"), Workload("127.0.0.2", "v2"), Workload("127.0.0.3", "v1")),
            Rule("reviews", null, Subset("v1", ("version", "v1")), Subset("v2", ("version", "v2"))),
            VirtualService("reviews", RouteTo("reviews", subset: "v1"))));

        Assert.Equal(["http://127.0.0.1:9080", "http://127.0.0.3:9080"], Prefixes(Cluster(snapshot, "reviews")));
    }

    [Fact]
    public void Compile_DestinationRuleLoadBalancer_ChoosesTheClustersPolicy()
    {
        var snapshot = Compile(Table("reviews", Service("reviews", Workload("127.0.0.1")), Rule("reviews", Balance(SimpleLoadBalancer.RoundRobin))));

        Assert.Equal("ROUND_ROBIN", Cluster(snapshot, "reviews").Policy.Name);
    }

    [Fact]
    public void Compile_TableWithOnlyDestinationRule_HasNoVirtualHost()
    {
        var snapshot = Compile(Table("ratings", null, Rule("ratings", Balance(SimpleLoadBalancer.Random))));

        Assert.Null(snapshot.FindHost("ratings"));
    }

    [Fact]
    public void Compile_VirtualServiceForRegistryHost_ReplacesTheDefaultRoute()
    {
        var onlyV1 = RouteTo("ratings") with { Match = [Uri(StringMatch.Prefix("/v1"))] };
        var snapshot = Compile(Table("ratings", Service("ratings", Workload("127.0.0.1")), null, VirtualService("ratings", onlyV1)));

        Assert.Null(snapshot.FindHost("ratings")?.Route(Requests.Get("/v2/ratings", host: "ratings"), out _));
    }

    [Fact]
    public void Compile_VirtualServiceRoutes_KeepTheirOrder()
    {
        var vs = VirtualService("ratings", Answer(401, Uri(StringMatch.Prefix("/admin"))), Answer(200));
        var snapshot = Compile(Table("ratings", null, null, vs));

        var route = snapshot.FindHost("ratings")?.Route(Requests.Get("/admin/x", host: "ratings"), out _);

        Assert.Equal(401, Assert.IsType<DirectResponseAction>(route?.Action).StatusCode);
    }

    [Fact]
    public void Compile_UnnamedRoute_IsNamedAfterVirtualServiceAndIndex()
    {
        var snapshot = Compile(Table("ratings", null, null, VirtualService("ratings", Answer(404, Uri(StringMatch.Exact("/x"))), Answer(200))));

        Assert.Equal("ratings.default.http[1]", snapshot.FindHost("ratings")?.Routes[1].Name);
    }

    [Fact]
    public void Compile_Redirect_CompilesRedirectAction()
    {
        var redirect = new HttpRoute { Redirect = new HttpRedirect { Uri = "/v2", RedirectCode = 302 } };
        var snapshot = Compile(Table("ratings", null, null, VirtualService("ratings", redirect)));

        Assert.Equal(302, Assert.IsType<RedirectAction>(snapshot.FindHost("ratings")?.Routes[0].Action).StatusCode);
    }

    [Fact]
    public void Compile_SingleDestinationWithoutWeight_TakesAllTraffic()
    {
        var snapshot = Compile(Table("ratings", Service("ratings", Workload("127.0.0.1")), null, VirtualService("ratings", RouteTo("ratings"))));

        Assert.Equal(100, Forward(snapshot, "ratings").TotalWeight);
    }

    [Fact]
    public void Compile_WeightedDestinations_KeepTheirWeights()
    {
        var split = new HttpRoute
        {
            Route =
            [
                new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v1" }, Weight = 80 },
                new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v2" }, Weight = 20 },
            ],
        };
        var snapshot = Compile(Table("reviews", null, null, VirtualService("reviews", split)));

        Assert.Equal([80, 20], Forward(snapshot, "reviews").Destinations.Select(d => d.Weight));
    }

    // Istio pilot/pkg/networking/core/route/route.go translateRoute: weights are relative (istio/istio#39544), an
    // unset weight is 0 and a weight-0 destination among others gets nothing.
    [Fact]
    public void Compile_WeightsOneAndThree_PickOneQuarterAndThreeQuarters()
    {
        var action = Forward(Compile(Table("reviews", null, null, VirtualService("reviews", Split(1, 3)))), "reviews");

        Assert.Equal([1, 3], Enumerable.Range(0, action.TotalWeight).Select(action.Pick).GroupBy(d => d).Select(g => g.Count()));
    }

    [Fact]
    public void Compile_UnsetWeightBesideWeightedDestination_NeverPicked()
    {
        var action = Forward(Compile(Table("reviews", null, null, VirtualService("reviews", Split(null, 7)))), "reviews");

        Assert.All(Enumerable.Range(0, action.TotalWeight).Select(action.Pick), d => Assert.Same(action.Destinations[1], d));
    }

    [Fact]
    public void Compile_PartialWildcardVirtualServiceHost_ServesNamesItCovers()
    {
        var snapshot = Compile(Table("*-api.example.com", null, null, VirtualService("*-api.example.com", Answer(204))));

        Assert.NotNull(snapshot.FindHost("eu-api.example.com"));
        Assert.Null(snapshot.FindHost("api.example.com"));
    }

    // Istio validateWorkloadEntry accepts an endpoint on another network without address and unix-socket endpoints;
    // the gateway cannot reach them and leaves them out of the cluster.
    [Fact]
    public void Compile_EndpointsWithoutAddressOrOnUnixSocket_AreLeftOut()
    {
        var remote = new WorkloadEntrySpec { Network = "west" };
        var socket = new WorkloadEntrySpec { Address = "unix:///var/run/model.sock" };
        var snapshot = Compile(Table("ratings", Service("ratings", Workload("127.0.0.1"), remote, socket)));

        Assert.Equal(["http://127.0.0.1:9080"], Prefixes(Cluster(snapshot, "ratings")));
    }

    private static HttpRoute Split(int? v1, int? v2) => new()
    {
        Route =
        [
            new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v1" }, Weight = v1 },
            new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v2" }, Weight = v2 },
        ],
    };

    [Fact]
    public void Compile_MatchBoundToOtherGateway_IsDropped()
    {
        var route = RouteTo("reviews") with
        {
            Match =
            [
                new HttpMatchRequest { Uri = StringMatch.Prefix("/internal"), Gateways = ["istio-system/eastwest-gateway"] },
                new HttpMatchRequest { Uri = StringMatch.Prefix("/public") },
            ],
        };
        var snapshot = Compile(Table("reviews", null, null, VirtualService("reviews", route)));

        Assert.Null(snapshot.FindHost("reviews")?.Route(Requests.Get("/internal/x", host: "reviews"), out _));
    }

    [Fact]
    public void Compile_MatchBoundToOtherGateway_KeepsTheOtherMatches()
    {
        var route = RouteTo("reviews") with
        {
            Match =
            [
                new HttpMatchRequest { Uri = StringMatch.Prefix("/internal"), Gateways = ["istio-system/eastwest-gateway"] },
                new HttpMatchRequest { Uri = StringMatch.Prefix("/public") },
            ],
        };
        var snapshot = Compile(Table("reviews", null, null, VirtualService("reviews", route)));

        Assert.NotNull(snapshot.FindHost("reviews")?.Route(Requests.Get("/public/x", host: "reviews"), out _));
    }

    [Fact]
    public void Compile_EveryMatchBoundToOtherGateway_DropsTheRouteInsteadOfCatchingAll()
    {
        var route = RouteTo("reviews") with
        {
            Match = [new HttpMatchRequest { Uri = StringMatch.Prefix("/internal"), Gateways = ["istio-system/eastwest-gateway"] }],
        };
        var vs = VirtualService("reviews", route, Answer(404));
        var snapshot = Compile(Table("reviews", null, null, vs));

        var matched = snapshot.FindHost("reviews")?.Route(Requests.Get("/anything", host: "reviews"), out _);

        Assert.IsType<DirectResponseAction>(matched?.Action);
    }

    [Fact]
    public void Compile_MeshSnapshot_CarriesItsGeneration()
    {
        var snapshot = Mesh.Compiler(new EndpointStateCache(), new Random(1))
            .Compile(new MeshSnapshot { Generation = 42 }, NoLabels);

        Assert.Equal(42, snapshot.Generation);
    }
}
