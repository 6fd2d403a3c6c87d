using System.Collections.Immutable;
using OrleansMesh.Grains.Inference;
using OrleansMesh.Grains.Routing;
using OrleansMesh.Inference;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Tests.Inference;

/// <summary>Metric names chosen per pool by its annotations, as GIE chooses them with its picker's flags.</summary>
public sealed class PoolMetricNamesTests
{
    [Fact]
    public void TryReadLoad_NamesOfThePool_ReadsThoseInsteadOfVllms()
    {
        var reader = ModelServerMetrics.For(new PoolMetricNames { Queue = "tgi:queue_size", Running = "tgi:batch_current_size", KvCache = "tgi:kv_usage" });

        var load = Read(reader, "vllm:num_requests_waiting 9\nvllm:num_requests_running 9\ntgi:queue_size 2\ntgi:batch_current_size 5\ntgi:kv_usage 0.5");

        Assert.Equal((2, 5, 0.5), (load.Waiting, load.Running, load.KvCacheUsage));
    }

    [Fact]
    public void TryReadLoad_NameWithLabelMatchers_SumsOnlyTheMatchingSamples()
    {
        var reader = ModelServerMetrics.For(new PoolMetricNames { Queue = "engine:requests{state=\"waiting\"}", Running = "engine:requests{state=\"running\"}" });

        var load = Read(reader, "engine:requests{state=\"waiting\",gpu=\"0\"} 3\nengine:requests{state=\"waiting\",gpu=\"1\"} 1\nengine:requests{state=\"running\",gpu=\"0\"} 6");

        Assert.Equal((4, 6), (load.Waiting, load.Running));
    }

    [Fact]
    public void TryReadLoad_PoolNameMissing_NamesItInTheError()
    {
        var reader = ModelServerMetrics.For(new PoolMetricNames { Queue = "tgi:queue_size" });
        Assert.True(PrometheusTextParser.TryParse("vllm:num_requests_waiting 1\nvllm:num_requests_running 1", reader.WantedNames, out var samples, out _));

        Assert.False(reader.TryReadLoad(samples, out _, out var error));
        Assert.Equal("no tgi:queue_size and vllm:num_requests_running or sglang:num_running_reqs in the metrics (the pool's annotations name them)", error);
    }

    [Fact]
    public void Bind_PoolAnnotations_CarryTheMetricNamesToThePoolTable()
    {
        var pool = new InferencePool
        {
            Metadata = new ResourceMetadata
            {
                Name = "llama",
                Annotations = ImmutableDictionary<string, string>.Empty.Add(PoolMetricNames.QueueAnnotation, "tgi:queue_size"),
            },
            Spec = new InferencePoolSpec { TargetPorts = [new InferencePoolPort { Number = 8000 }] },
        };

        var table = InferencePoolMembers.Bind(new ControlPlane.RouteTable { Host = "llama.default.inferencepool" }, pool, [pool]);

        Assert.Equal("tgi:queue_size", table.Pool!.Metrics!.Queue);
    }

    private static ScrapedLoad Read(ModelServerMetrics reader, string text)
    {
        Assert.True(PrometheusTextParser.TryParse(text, reader.WantedNames, out var samples, out var parseError), parseError);
        Assert.True(reader.TryReadLoad(samples, out var load, out var error), error);
        return load;
    }
}
