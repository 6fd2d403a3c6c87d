using BenchmarkDotNet.Attributes;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Benchmarks;

/// <summary><see cref="ForwardAction.Pick(int)"/> with the roll the request path draws from <see cref="Random.Shared"/>.</summary>
[MemoryDiagnoser]
public class WeightedPickBenchmarks
{
    private ForwardAction _two = null!;
    private ForwardAction _five = null!;

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = SnapshotFixture.Compile();
        var host = BenchmarkMesh.ServiceHost(0);
        _two = SnapshotFixture.Forward(snapshot, host, "default");
        _five = SnapshotFixture.Forward(snapshot, host, "embeddings");
    }

    [Benchmark(Baseline = true)]
    public object WeightedPick_TwoDestinations() => _two.Pick(Random.Shared.Next(_two.TotalWeight));

    [Benchmark]
    public object WeightedPick_FiveDestinations() => _five.Pick(Random.Shared.Next(_five.TotalWeight));
}
