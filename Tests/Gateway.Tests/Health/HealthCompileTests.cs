using Microsoft.Extensions.Time.Testing;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Health;

/// <summary>What the snapshot compiler attaches for cluster-wide health and rate limits, and how picks honour ejections.</summary>
public sealed class HealthCompileTests
{
    private static readonly CircuitBreakerSettings s_breaker = new() { MinimumRequests = 7 };
    private readonly FakeTimeProvider _time = new();
    private readonly HealthRegistry _registry;

    public HealthCompileTests() => _registry = new HealthRegistry(_time);

    [Fact]
    public void Compile_RuleWithoutBreakerOrOutliers_ClusterHasNoHealthState()
    {
        var cluster = Cluster(Rule("svc", new TrafficPolicy()), subset: null);

        Assert.Null(cluster.Health);
        Assert.Empty(_registry.States);
    }

    [Fact]
    public void Compile_RuleBreaker_ClusterSharesTheDestinationState()
    {
        var cluster = Cluster(Rule("svc", new TrafficPolicy { Mesh = new MeshTrafficPolicy { CircuitBreaker = s_breaker } }), subset: null);

        Assert.Same(_registry.Find("svc"), cluster.Health);
        Assert.Equal(s_breaker, cluster.Health!.Policy.Breaker);
        Assert.Equal(2, cluster.Health.EndpointCount);
        Assert.All(cluster.Endpoints, e => Assert.NotNull(e.Health));
    }

    [Fact]
    public void Compile_SubsetBreaker_OverridesTheRules()
    {
        var own = new CircuitBreakerSettings { MinimumRequests = 3 };
        var subset = Subset("v1", ("version", "v1")) with { TrafficPolicy = new TrafficPolicy { Mesh = new MeshTrafficPolicy { CircuitBreaker = own } } };
        var rule = Rule("svc", new TrafficPolicy { Mesh = new MeshTrafficPolicy { CircuitBreaker = s_breaker } }, subset);

        var cluster = Cluster(rule, subset: "v1");

        Assert.Equal("svc|v1", cluster.Health!.Key);
        Assert.Equal(own, cluster.Health.Policy.Breaker);
        Assert.Equal(1, cluster.Health.EndpointCount);
    }

    [Fact]
    public void Compile_OutlierDetectionOnly_TracksEndpointsWithoutABreaker()
    {
        var cluster = Cluster(Rule("svc", new TrafficPolicy { OutlierDetection = new OutlierDetection { Consecutive5xxErrors = 2 } }), subset: null);

        Assert.Null(cluster.Health!.Policy.Breaker);
        Assert.Equal(2, cluster.Health.Policy.OutlierDetection!.Consecutive5xxErrors);
    }

    [Fact]
    public void Compile_DestinationRateLimits_LocalBeforeGlobal()
    {
        var limits = new MeshTrafficPolicy { RateLimit = new RateLimitSettings { RequestsPerUnit = 5 }, LocalRateLimit = new RateLimitSettings { RequestsPerUnit = 9 } };

        var cluster = Cluster(Rule("svc", new TrafficPolicy { Mesh = limits }), subset: null);

        Assert.Equal([false, true], cluster.RateLimits.Select(l => l.IsGlobal));
        Assert.Equal("destination/svc", cluster.RateLimits[1].Scope);
    }

    [Fact]
    public void PickEndpoint_EjectedEndpoint_IsNeverPicked()
    {
        var cluster = Cluster(Rule("svc", new TrafficPolicy { OutlierDetection = new OutlierDetection() }), subset: null);
        var ejected = cluster.Endpoints[0];
        cluster.Health!.Apply(new DestinationHealth
        {
            Destination = "svc",
            Version = 1,
            Incarnation = Guid.NewGuid(),
            Ejected = [new EjectedEndpoint { Address = ejected.Health!.Address, Remaining = TimeSpan.FromSeconds(30), Ejections = 1 }],
        });

        var picks = Enumerable.Range(0, 100).Select(_ => cluster.PickEndpoint()).ToList();

        Assert.DoesNotContain(ejected, picks);
        Assert.NotSame(ejected, cluster.PickRetryEndpoint([cluster.Endpoints[1]]));
    }

    [Fact]
    public void PickEndpoint_EveryEndpointEjected_NoHealthyUpstream()
    {
        var cluster = Cluster(Rule("svc", new TrafficPolicy { OutlierDetection = new OutlierDetection() }), subset: null);
        cluster.Health!.Apply(new DestinationHealth
        {
            Destination = "svc",
            Version = 1,
            Incarnation = Guid.NewGuid(),
            Ejected = [.. cluster.Endpoints.Select(e => new EjectedEndpoint { Address = e.Health!.Address, Remaining = TimeSpan.FromSeconds(30) })],
        });

        Assert.Null(cluster.PickEndpoint());
    }

    private UpstreamCluster Cluster(DestinationRule rule, string? subset)
    {
        var table = Table("svc", Service("svc", Workload("10.0.0.1", "v1"), Workload("10.0.0.2", "v2")), rule, VirtualService("svc", RouteTo("svc", subset)));
        var snapshot = Mesh.Compiler(new EndpointStateCache(), new Random(1), _registry)
            .Compile(new MeshSnapshot { Generation = 1, Tables = [table] }, NoLabels);
        return Assert.IsType<ForwardAction>(snapshot.FindHost("svc")!.Routes[0].Action).Destinations[0].Cluster;
    }
}
