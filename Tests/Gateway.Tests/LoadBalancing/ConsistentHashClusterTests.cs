using Microsoft.Extensions.Time.Testing;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;
using static OrleansMesh.Gateway.Tests.LoadBalancing.HashTables;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

/// <summary>Consistent hashing as the gateway's clusters do it: built per snapshot, honouring ejections and retries.</summary>
public sealed class ConsistentHashClusterTests
{
    private const int N = 5;
    private static readonly ConsistentHashSettings s_byHeader = new() { HttpHeaderName = "x-session" };
    private readonly HealthRegistry _registry = new(new FakeTimeProvider());

    [Fact]
    public void Get_ConsistentHash_BuildsARingHashCluster()
    {
        var cluster = Build(s_byHeader, N);

        Assert.Equal("RING_HASH", cluster.Policy.Name);
        Assert.NotNull(cluster.HashPolicy);
    }

    [Fact]
    public void Get_Maglev_BuildsAMaglevCluster()
    {
        Assert.Equal("MAGLEV", Build(s_byHeader with { Maglev = new ConsistentHashMaglev() }, N).Policy.Name);
    }

    [Fact]
    public void Get_SimplePolicy_HasNoHashPolicy()
    {
        var table = Table("svc", Service("svc", Workload("127.0.0.1")), Rule("svc", Balance(SimpleLoadBalancer.RoundRobin)));

        Assert.Null(Builder(table).Get(new Destination { Host = "svc" }).HashPolicy);
    }

    [Fact]
    public void Get_SubsetConsistentHash_OverridesTheRulesSimplePolicy()
    {
        var subset = Subset("v1", ("version", "v1")) with { TrafficPolicy = Hashing(s_byHeader) };
        var table = Table("svc", Service("svc", Workload("127.0.0.1", "v1")), Rule("svc", Balance(SimpleLoadBalancer.RoundRobin), subset));

        Assert.Equal("RING_HASH", Builder(table).Get(new Destination { Host = "svc", Subset = "v1" }).Policy.Name);
    }

    [Fact]
    public void PickEndpoint_SameKey_SameEndpointEveryPickAndAcrossSnapshots()
    {
        var first = Build(s_byHeader, N);
        var rebuilt = Build(s_byHeader, N);

        var picks = Picks(first);

        Assert.Equal(picks, Picks(first));
        Assert.Equal(picks, Picks(rebuilt));
    }

    [Fact]
    public void PickEndpoint_EndpointRemovedFromConfig_OnlyItsKeysMove()
    {
        var before = Picks(Build(s_byHeader, N));

        var after = Picks(Build(s_byHeader, N, skip: 2));

        Assert.InRange(MovedFraction(before, after), 0, (1.0 / N) + 0.05);
        Assert.All(before.Zip(after).Where(p => p.First != "http://127.0.0.3:9080"), p => Assert.Equal(p.First, p.Second));
    }

    [Fact]
    public void PickEndpoint_EndpointEjected_OnlyItsKeysMoveAndExactlyAsIfRemoved()
    {
        // Built first: the registry keeps one health state per destination, configured by the latest build.
        var removed = Picks(Build(s_byHeader, N, skip: 2));
        var cluster = Build(s_byHeader, N);
        var before = Picks(cluster);

        Eject(cluster, cluster.Endpoints[2]);
        var after = Picks(cluster);

        Assert.DoesNotContain("http://127.0.0.3:9080", after);
        Assert.InRange(MovedFraction(before, after), 0, (1.0 / N) + 0.05);
        Assert.Equal(removed, after);
    }

    [Fact]
    public void PickEndpoint_Retry_GoesToTheNextDistinctEndpointOnTheRing()
    {
        var cluster = Build(s_byHeader, N);
        var key = s_keys[0];
        var first = cluster.PickEndpoint(key, default)!;

        var second = cluster.PickEndpoint(key, [first])!;
        var third = cluster.PickEndpoint(key, [first, second])!;

        Assert.NotSame(first, second);
        Assert.DoesNotContain(third, new[] { first, second });
        Assert.Same(second, cluster.PickEndpoint(key, [first]));
    }

    [Fact]
    public void PickEndpoint_EveryEndpointTried_PicksATriedOneAgain()
    {
        var cluster = Build(s_byHeader, 2);

        Assert.NotNull(cluster.PickEndpoint(s_keys[0], cluster.Endpoints));
    }

    [Fact]
    public void PickEndpoint_EveryEndpointEjected_NoHealthyUpstream()
    {
        var cluster = Build(s_byHeader, 2);
        Eject(cluster, cluster.Endpoints);

        Assert.Null(cluster.PickEndpoint(s_keys[0], default));
    }

    [Fact]
    public void PickEndpoint_NoKey_SpreadsRandomly()
    {
        var cluster = Build(s_byHeader, 3);

        var counts = Enumerable.Range(0, 3000).Select(_ => Prefix(cluster.PickEndpoint())).CountBy(p => p).Select(p => p.Value);

        Assert.All(counts, c => Assert.InRange(c, 800, 1200));
    }

    private static TrafficPolicy Hashing(ConsistentHashSettings settings) =>
        new() { LoadBalancer = new LoadBalancerSettings { ConsistentHash = settings }, OutlierDetection = new OutlierDetection() };

    /// <summary>The endpoint each of the 10k keys goes to.</summary>
    private static string[] Picks(UpstreamCluster cluster) => [.. s_keys.Select(k => Prefix(cluster.PickEndpoint(k, default)))];

    private static string Prefix(UpstreamEndpoint? endpoint) => endpoint?.DestinationPrefix ?? "none";

    private ClusterBuilder Builder(RouteTable table) =>
        new(new Dictionary<string, RouteTable> { [table.Host] = table }, new EndpointStateCache(), new Random(1), health: _registry);

    /// <summary>A cluster of endpoints 127.0.0.1..N (without the one at <paramref name="skip"/>), with outlier detection.</summary>
    private UpstreamCluster Build(ConsistentHashSettings settings, int count, int skip = -1)
    {
        var workloads = Enumerable.Range(1, count).Where(i => i != skip + 1).Select(i => Workload($"127.0.0.{i}")).ToArray();
        var builder = Builder(Table("svc", Service("svc", workloads), Rule("svc", Hashing(settings))));
        var cluster = builder.Get(new Destination { Host = "svc" });
        builder.CommitHealth();
        return cluster;
    }

    private static void Eject(UpstreamCluster cluster, params UpstreamEndpoint[] endpoints) =>
        cluster.Health!.Apply(new DestinationHealth
        {
            Destination = "svc",
            Version = 1,
            Incarnation = Guid.NewGuid(),
            Ejected = [.. endpoints.Select(e => new EjectedEndpoint { Address = e.Health!.Address, Remaining = TimeSpan.FromSeconds(30), Ejections = 1 })],
        });
}
