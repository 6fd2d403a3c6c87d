using Microsoft.Extensions.Time.Testing;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

/// <summary>
/// Slow start across snapshots (Istio's <c>loadBalancer.warmup</c>, Envoy's slow_start_config): an endpoint new to an
/// existing cluster, or back from an ejection, gets a share that ramps to full; endpoints of the first snapshot do not.
/// With ROUND_ROBIN and weights 1 and w, the new endpoint's expected share of two is w / (1 + w).
/// </summary>
public sealed class SlowStartClusterTests
{
    private const int Picks = 20_000;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new();
    private readonly EndpointStateCache _states;
    private readonly HealthRegistry _registry;

    public SlowStartClusterTests()
    {
        _states = new EndpointStateCache(_time);
        _registry = new HealthRegistry(_time);
    }

    [Fact]
    public void Pick_EndpointsOfTheFirstSnapshot_AreNotWarmed()
    {
        var cluster = Build("10.0.0.1", "10.0.0.2");

        Assert.Equal(0.5, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Pick_NewEndpointAtStart_GetsTheMinimumWeight()
    {
        Build("10.0.0.1");

        var cluster = Build("10.0.0.1", "10.0.0.2");

        Assert.Equal(0.1 / 1.1, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Pick_NewEndpointMidWindow_GetsItsWeight()
    {
        Build("10.0.0.1");
        var cluster = Build("10.0.0.1", "10.0.0.2");

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0.5 / 1.5, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Pick_NewEndpointAfterTheWindow_GetsAnEqualShare()
    {
        Build("10.0.0.1");
        var cluster = Build("10.0.0.1", "10.0.0.2");

        _time.Advance(s_window);

        Assert.Equal(0.5, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Pick_LaterSnapshot_KeepsTheJoinTime()
    {
        Build("10.0.0.1");
        Build("10.0.0.1", "10.0.0.2");
        _time.Advance(TimeSpan.FromSeconds(30));

        var cluster = Build("10.0.0.1", "10.0.0.2");

        Assert.Equal(0.5 / 1.5, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Pick_Aggression_ShapesTheShare()
    {
        var warmup = new WarmupConfiguration { Duration = s_window, Aggression = 2 };
        Build(warmup, "10.0.0.1");
        var cluster = Build(warmup, "10.0.0.1", "10.0.0.2");

        _time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(0.5 / 1.5, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Pick_MinimumPercent_IsTheStartingWeight()
    {
        var warmup = new WarmupConfiguration { Duration = s_window, MinimumPercent = 50 };
        Build(warmup, "10.0.0.1");

        var cluster = Build(warmup, "10.0.0.1", "10.0.0.2");

        Assert.Equal(0.5 / 1.5, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Pick_ReAddedEndpoint_WarmsAgain()
    {
        Build("10.0.0.1", "10.0.0.2");
        Build("10.0.0.1");
        _time.Advance(TimeSpan.FromMinutes(5));

        var cluster = Build("10.0.0.1", "10.0.0.2");

        Assert.Equal(0.1 / 1.1, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Pick_EndpointBackFromEjection_WarmsFromItsReturn()
    {
        var cluster = Build(new WarmupConfiguration { Duration = s_window }, withOutliers: true, "10.0.0.1", "10.0.0.2");
        var state = _registry.Find("svc")!;
        state.Publish(HealthView.Initial, [new EjectedEndpoint { Address = "10.0.0.2:9080", Remaining = TimeSpan.FromSeconds(10) }]);
        _time.Advance(TimeSpan.FromSeconds(10));
        state.Publish(HealthView.Initial, []);

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0.5 / 1.5, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Pick_LeastRequest_NewEndpointWarms()
    {
        var warmup = new WarmupConfiguration { Duration = s_window };
        Build(warmup, SimpleLoadBalancer.LeastRequest, "10.0.0.1");

        var cluster = Build(warmup, SimpleLoadBalancer.LeastRequest, "10.0.0.1", "10.0.0.2");

        Assert.Equal(0.1 / 1.1, ShareOf(cluster, "10.0.0.2"), 2);
    }

    [Fact]
    public void Build_RandomPolicy_HasNoSlowStart()
    {
        var warmup = new WarmupConfiguration { Duration = s_window };

        Assert.Null(Build(warmup, SimpleLoadBalancer.Random, "10.0.0.1").SlowStart);
    }

    [Fact]
    public void Build_SubsetLoadBalancerWithoutWarmup_ReplacesTheRulesWarmup()
    {
        var subset = Subset("v1") with { TrafficPolicy = Balance(SimpleLoadBalancer.RoundRobin) };
        var rule = Rule("svc", new TrafficPolicy { LoadBalancer = new LoadBalancerSettings { Warmup = new WarmupConfiguration { Duration = s_window } } }, subset);
        var table = Table("svc", Service("svc", Workload("10.0.0.1")), rule);

        var cluster = new ClusterBuilder(new Dictionary<string, RouteTable> { ["svc"] = table }, _states, new Random(1)).Get(new Destination { Host = "svc", Subset = "v1" });

        Assert.Null(cluster.SlowStart);
    }

    [Fact]
    public void Pick_RetryAvoidingTheWarmEndpoint_TakesTheWarmingOne()
    {
        Build("10.0.0.1");
        var cluster = Build("10.0.0.1", "10.0.0.2");
        var warm = cluster.Endpoints.Single(e => e.Address == "10.0.0.1");

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal("10.0.0.2", cluster.PickRetryEndpoint([warm])!.Address));
    }

    private UpstreamCluster Build(params string[] addresses) => Build(new WarmupConfiguration { Duration = s_window }, addresses);

    private UpstreamCluster Build(WarmupConfiguration warmup, params string[] addresses) => Build(warmup, SimpleLoadBalancer.RoundRobin, addresses);

    private UpstreamCluster Build(WarmupConfiguration warmup, SimpleLoadBalancer simple, params string[] addresses) =>
        Build(warmup, simple, withOutliers: false, addresses);

    private UpstreamCluster Build(WarmupConfiguration warmup, bool withOutliers, params string[] addresses) =>
        Build(warmup, SimpleLoadBalancer.RoundRobin, withOutliers, addresses);

    private UpstreamCluster Build(WarmupConfiguration warmup, SimpleLoadBalancer simple, bool withOutliers, string[] addresses)
    {
        var policy = new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings { Simple = simple, Warmup = warmup },
            OutlierDetection = withOutliers ? new OutlierDetection() : null,
        };
        var table = Table("svc", Service("svc", [.. addresses.Select(a => Workload(a))]), Rule("svc", policy));
        var builder = new ClusterBuilder(new Dictionary<string, RouteTable> { ["svc"] = table }, _states, new Random(7), health: _registry);
        var cluster = builder.Get(new Destination { Host = "svc" });
        builder.CommitHealth();
        builder.CommitMembership();
        return cluster;
    }

    private static double ShareOf(UpstreamCluster cluster, string address)
    {
        var hits = 0;
        for (var i = 0; i < Picks; i++)
        {
            if (cluster.PickEndpoint()!.Address == address)
            {
                hits++;
            }
        }

        return hits / (double)Picks;
    }
}
