using BenchmarkDotNet.Attributes;
using OrleansMesh.Gateway.LoadBalancing;

namespace OrleansMesh.Benchmarks;

/// <summary><see cref="UpstreamCluster.PickEndpoint()"/> over a whole service's 10 endpoints, per DestinationRule policy.</summary>
[MemoryDiagnoser]
public class LoadBalancingBenchmarks
{
    private UpstreamCluster _roundRobin = null!;
    private UpstreamCluster _leastRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = SnapshotFixture.Compile();

        // The catch-all forwards to service 0 (ROUND_ROBIN), team-01's wildcard to service 1 (LEAST_REQUEST).
        _roundRobin = Cluster(snapshot.FindHost("anything.example.org"), "ROUND_ROBIN");
        _leastRequest = Cluster(snapshot.FindHost(BenchmarkMesh.WildcardHost(1)), "LEAST_REQUEST");
    }

    [Benchmark(Baseline = true)]
    public object? Pick_RoundRobin() => _roundRobin.PickEndpoint();

    [Benchmark]
    public object? Pick_LeastRequest() => _leastRequest.PickEndpoint();

    private static UpstreamCluster Cluster(Gateway.Routing.VirtualHost? host, string policy)
    {
        var forward = host?.Routes[0].Action as Gateway.Routing.ForwardAction ?? throw new InvalidOperationException("expected a forwarding route");
        var cluster = forward.Destinations[0].Cluster;
        if (cluster.Policy.Name != policy || cluster.Endpoints.Length != BenchmarkMesh.EndpointsPerService)
        {
            throw new InvalidOperationException($"{cluster.Name}: {cluster.Policy.Name} over {cluster.Endpoints.Length} endpoints, expected {policy}");
        }

        return cluster;
    }
}
