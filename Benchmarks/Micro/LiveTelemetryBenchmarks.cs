using BenchmarkDotNet.Attributes;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Benchmarks;

/// <summary>
/// <see cref="LiveTelemetry.Record"/>: what live telemetry adds to each request on the request path (a dictionary
/// lookup and interlocked adds), for a plain request and a streamed model request with tokens.
/// </summary>
[MemoryDiagnoser]
public class LiveTelemetryBenchmarks
{
    private readonly LiveTelemetry _live = new();

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < 50; i++)
        {
            _live.Record($"service-{i}", "v1", $"10.0.0.{i}:8080", 200, null, TimeSpan.FromMilliseconds(1), null, 0, 0);
        }
    }

    [Benchmark(Baseline = true)]
    public void Record_PlainRequest() => _live.Record("service-7", "v1", "10.0.0.7:8080", 200, null, TimeSpan.FromMilliseconds(12), null, 0, 0);

    [Benchmark]
    public void Record_StreamedModelRequest() => _live.Record("service-7", "v1", "10.0.0.7:8080", 200, null, TimeSpan.FromMilliseconds(850), TimeSpan.FromMilliseconds(95), 412, 256);
}
