using BenchmarkDotNet.Attributes;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Benchmarks;

/// <summary>
/// The cost of a config push: compiling the whole 1,000-VirtualService mesh into a <see cref="RoutingSnapshot"/>.
/// Cold is a gateway's first snapshot (every regex built); warm is a later push, which reuses the regexes it still needs.
/// </summary>
[MemoryDiagnoser]
public class SnapshotCompileBenchmarks
{
    private readonly EndpointStateCache _states = new();
    private MeshSnapshot _mesh = null!;
    private RoutingSnapshotCompiler _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mesh = BenchmarkMesh.Create();

        // One endpoint-state cache and one regex cache across pushes, as the gateway keeps them.
        _warm = new RoutingSnapshotCompiler(_states, new Random(42), new RegexCache(), ResilienceCompiler.CreateDefault(new Random(42)), new HealthRegistry(TimeProvider.System));
        _warm.Compile(_mesh, BenchmarkMesh.GatewayLabels);
    }

    [Benchmark(Baseline = true)]
    public int Compile_1000VirtualServices_Cold()
        => new RoutingSnapshotCompiler(_states, new Random(42), new RegexCache(), ResilienceCompiler.CreateDefault(new Random(42)), new HealthRegistry(TimeProvider.System)).Compile(_mesh, BenchmarkMesh.GatewayLabels).HostCount;

    [Benchmark]
    public int Compile_1000VirtualServices_Warm() => _warm.Compile(_mesh, BenchmarkMesh.GatewayLabels).HostCount;
}
