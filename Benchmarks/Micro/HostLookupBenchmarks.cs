using BenchmarkDotNet.Attributes;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Benchmarks;

/// <summary><see cref="RoutingSnapshot.FindHost"/> over 1,000 exact hosts, 20 <c>*.suffix</c> wildcards and <c>*</c>.</summary>
[MemoryDiagnoser]
public class HostLookupBenchmarks
{
    private RoutingSnapshot _snapshot = null!;
    private string _exact = null!;
    private string _wildcard = null!;
    private string _miss = null!;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = SnapshotFixture.Compile();
        _exact = BenchmarkMesh.ServiceHost(BenchmarkMesh.ServiceCount / 2) + ":8080";

        // The last wildcard scanned: all 20 suffixes have the same length.
        _wildcard = BenchmarkMesh.WildcardHost(BenchmarkMesh.WildcardCount - 1);
        _miss = "unknown.other.example.org";
    }

    [Benchmark(Baseline = true)]
    public object? FindHost_Exact() => _snapshot.FindHost(_exact);

    [Benchmark]
    public object? FindHost_Wildcard() => _snapshot.FindHost(_wildcard);

    /// <summary>No exact or wildcard host: every wildcard is tried, then the catch-all answers.</summary>
    [Benchmark]
    public object? FindHost_MissToCatchAll() => _snapshot.FindHost(_miss);
}
