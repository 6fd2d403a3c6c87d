using System.Collections.Immutable;
using System.Net;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

public sealed class ClusterBuilderTests
{
    private static readonly RouteTable s_reviews = Table(
        "reviews",
        Service("reviews", Workload("127.0.0.1", "v1"), Workload("127.0.0.2", "v2"), Workload("127.0.0.3", "v3")),
        Rule("reviews", null, Subset("v1", ("version", "v1")), Subset("v2", ("version", "v2"))));

    [Fact]
    public void Get_NoSubset_KeepsAllEndpoints()
    {
        var cluster = Get(new Destination { Host = "reviews" }, s_reviews);

        Assert.Equal(["http://127.0.0.1:9080", "http://127.0.0.2:9080", "http://127.0.0.3:9080"], Prefixes(cluster));
    }

    [Fact]
    public void Get_Subset_KeepsOnlyEndpointsWithItsLabels()
    {
        var cluster = Get(new Destination { Host = "reviews", Subset = "v1" }, s_reviews);

        Assert.Equal(["http://127.0.0.1:9080"], Prefixes(cluster));
    }

    [Fact]
    public void Get_EndpointWithLabelsBeyondTheSubsets_IsInTheSubset()
    {
        var endpoint = new WorkloadEntrySpec { Address = "127.0.0.1", Labels = Labels(("app", "reviews"), ("version", "v1"), ("zone", "a")) };
        var table = Table("reviews", Service("reviews", endpoint), Rule("reviews", null, Subset("v1", ("version", "v1"))));

        var cluster = Get(new Destination { Host = "reviews", Subset = "v1" }, table);

        Assert.Equal(["http://127.0.0.1:9080"], Prefixes(cluster));
    }

    [Fact]
    public void Get_SubsetWithTwoLabels_KeepsOnlyEndpointsWithBoth()
    {
        var both = new WorkloadEntrySpec { Address = "127.0.0.1", Labels = Labels(("version", "v1"), ("track", "stable")) };
        var one = new WorkloadEntrySpec { Address = "127.0.0.2", Labels = Labels(("version", "v1")) };
        var other = new WorkloadEntrySpec { Address = "127.0.0.3", Labels = Labels(("version", "v1"), ("track", "canary")) };
        var table = Table("reviews", Service("reviews", both, one, other), Rule("reviews", null, Subset("stable", ("version", "v1"), ("track", "stable"))));

        var cluster = Get(new Destination { Host = "reviews", Subset = "stable" }, table);

        Assert.Equal(["http://127.0.0.1:9080"], Prefixes(cluster));
    }

    [Fact]
    public void Get_UndefinedSubset_HasNoEndpoints()
    {
        var cluster = Get(new Destination { Host = "reviews", Subset = "v9" }, s_reviews);

        Assert.Empty(cluster.Endpoints);
    }

    [Fact]
    public void Get_SubsetWithoutDestinationRule_HasNoEndpoints()
    {
        var table = Table("reviews", Service("reviews", Workload("127.0.0.1", "v1")));

        var cluster = Get(new Destination { Host = "reviews", Subset = "v1" }, table);

        Assert.Empty(cluster.Endpoints);
    }

    [Fact]
    public void Get_HostNotInRegistry_HasNoEndpoints()
    {
        var cluster = Get(new Destination { Host = "ratings" }, s_reviews);

        Assert.Empty(cluster.Endpoints);
    }

    [Fact]
    public void Get_NoEndpoint_PicksNothing()
    {
        Assert.Null(Get(new Destination { Host = "ratings" }, s_reviews).PickEndpoint());
    }

    [Fact]
    public void Get_EndpointMapsServicePortName_UsesMappedPort()
    {
        var endpoint = new WorkloadEntrySpec { Address = "127.0.0.1", Ports = Ports(("http", 19080)) };
        var table = Table("productpage", Service("productpage", [HttpPort(9080, targetPort: 8000)], endpoint));

        var cluster = Get(new Destination { Host = "productpage", Port = 9080 }, table);

        Assert.Equal(["http://127.0.0.1:19080"], Prefixes(cluster));
    }

    [Fact]
    public void Get_EndpointWithoutMappingAndTargetPort_UsesTargetPort()
    {
        var endpoint = new WorkloadEntrySpec { Address = "127.0.0.1", Ports = Ports(("metrics", 19090)) };
        var table = Table("productpage", Service("productpage", [HttpPort(9080, targetPort: 8000)], endpoint));

        var cluster = Get(new Destination { Host = "productpage", Port = 9080 }, table);

        Assert.Equal(["http://127.0.0.1:8000"], Prefixes(cluster));
    }

    [Fact]
    public void Get_NoMappingNorTargetPort_UsesServicePortNumber()
    {
        var table = Table("productpage", Service("productpage", [HttpPort(9080)], new WorkloadEntrySpec { Address = "127.0.0.1" }));

        var cluster = Get(new Destination { Host = "productpage", Port = 9080 }, table);

        Assert.Equal(["http://127.0.0.1:9080"], Prefixes(cluster));
    }

    [Fact]
    public void Get_DestinationPort_SelectsThatServicePortsMapping()
    {
        var endpoint = new WorkloadEntrySpec { Address = "127.0.0.1", Ports = Ports(("http", 19080), ("admin", 19443)) };
        var table = Table("model", Service("model", [HttpPort(9080), HttpPort(9443, name: "admin")], endpoint));

        var cluster = Get(new Destination { Host = "model", Port = 9443 }, table);

        Assert.Equal(["http://127.0.0.1:19443"], Prefixes(cluster));
    }

    [Fact]
    public void Get_NoDestinationPort_UsesFirstServicePort()
    {
        var endpoint = new WorkloadEntrySpec { Address = "127.0.0.1", Ports = Ports(("http", 19080), ("admin", 19443)) };
        var table = Table("model", Service("model", [HttpPort(9080), HttpPort(9443, name: "admin")], endpoint));

        var cluster = Get(new Destination { Host = "model" }, table);

        Assert.Equal(["http://127.0.0.1:19080"], Prefixes(cluster));
    }

    [Fact]
    public void Get_DestinationPortNotOnService_HasNoEndpoints()
    {
        var cluster = Get(new Destination { Host = "reviews", Port = 7777 }, s_reviews);

        Assert.Empty(cluster.Endpoints);
    }

    [Fact]
    public void Get_Ipv6Endpoint_BracketsTheAddress()
    {
        var table = Table("reviews", Service("reviews", new WorkloadEntrySpec { Address = "::1" }));

        var cluster = Get(new Destination { Host = "reviews" }, table);

        Assert.Equal(["http://[::1]:9080"], Prefixes(cluster));
    }

    [Fact]
    public void Get_Subset_NamesClusterAsIstioDoes()
    {
        var cluster = Get(new Destination { Host = "reviews", Subset = "v1" }, s_reviews);

        Assert.Equal("outbound|9080|v1|reviews", cluster.Name);
    }

    [Fact]
    public void Get_SameDestinationTwice_BuildsOneCluster()
    {
        var builder = Builder(s_reviews);

        var first = builder.Get(new Destination { Host = "reviews", Subset = "v1" });
        var second = builder.Get(new Destination { Host = "Reviews", Subset = "v1", Port = 9080 });

        Assert.Same(first, second);
    }

    [Theory]
    [InlineData(SimpleLoadBalancer.RoundRobin, "ROUND_ROBIN")]
    [InlineData(SimpleLoadBalancer.Random, "RANDOM")]
    [InlineData(SimpleLoadBalancer.LeastRequest, "LEAST_REQUEST")]
    public void Get_DestinationRulePolicy_ChoosesThatPolicy(SimpleLoadBalancer simple, string expected)
    {
        var table = Table("reviews", Service("reviews", Workload("127.0.0.1")), Rule("reviews", Balance(simple)));

        Assert.Equal(expected, Get(new Destination { Host = "reviews" }, table).Policy.Name);
    }

    [Fact]
    public void Get_NoLoadBalancerSetting_UsesLeastRequest()
    {
        Assert.Equal("LEAST_REQUEST", Get(new Destination { Host = "reviews" }, s_reviews).Policy.Name);
    }

    [Fact]
    public void Get_SubsetPolicy_OverridesRulePolicy()
    {
        var canary = Subset("v2", ("version", "v2")) with { TrafficPolicy = Balance(SimpleLoadBalancer.Random) };
        var table = Table("reviews", Service("reviews", Workload("127.0.0.2", "v2")), Rule("reviews", Balance(SimpleLoadBalancer.RoundRobin), canary));

        Assert.Equal("RANDOM", Get(new Destination { Host = "reviews", Subset = "v2" }, table).Policy.Name);
    }

    [Fact]
    public void Get_OtherSubsetWithoutPolicy_KeepsRulePolicy()
    {
        var canary = Subset("v2", ("version", "v2")) with { TrafficPolicy = Balance(SimpleLoadBalancer.Random) };
        var table = Table("reviews", Service("reviews", Workload("127.0.0.1", "v1")), Rule("reviews", Balance(SimpleLoadBalancer.RoundRobin), Subset("v1", ("version", "v1")), canary));

        Assert.Equal("ROUND_ROBIN", Get(new Destination { Host = "reviews", Subset = "v1" }, table).Policy.Name);
    }

    [Fact]
    public void Get_PortLevelPolicy_OverridesRulePolicy()
    {
        var policy = Balance(SimpleLoadBalancer.RoundRobin) with
        {
            PortLevelSettings = [new PortTrafficPolicy { Port = 9080, LoadBalancer = new LoadBalancerSettings { Simple = SimpleLoadBalancer.Random } }],
        };
        var table = Table("reviews", Service("reviews", Workload("127.0.0.1")), Rule("reviews", policy));

        Assert.Equal("RANDOM", Get(new Destination { Host = "reviews", Port = 9080 }, table).Policy.Name);
    }

    [Fact]
    public void Get_GrpcPort_AsksForHttp2Exactly()
    {
        var port = HttpPort(9000, name: "grpc") with { Protocol = "GRPC" };
        var table = Table("model", Service("model", [port], Workload("127.0.0.1")));

        var config = Get(new Destination { Host = "model" }, table).RequestConfig;

        Assert.Equal((HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact), (config.Version, config.VersionPolicy));
    }

    private static UpstreamCluster Get(Destination destination, params RouteTable[] tables) => Builder(tables).Get(destination);

    private static ClusterBuilder Builder(params RouteTable[] tables) =>
        new(tables.ToDictionary(t => t.Host, StringComparer.OrdinalIgnoreCase), new EndpointStateCache(), new Random(1));

    private static ImmutableDictionary<string, uint> Ports(params (string Name, uint Number)[] ports) =>
        ports.ToImmutableDictionary(p => p.Name, p => p.Number);
}
