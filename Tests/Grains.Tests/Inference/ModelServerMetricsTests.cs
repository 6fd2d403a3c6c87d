using OrleansMesh.Grains.Inference;

namespace OrleansMesh.Grains.Tests.Inference;

public sealed class ModelServerMetricsTests
{
    [Fact]
    public void TryRead_Vllm_ReadsQueueCacheAndNewestLoraInfo()
    {
        var load = Read("""
            vllm:num_requests_waiting{engine="0"} 4
            vllm:num_requests_waiting{engine="1"} 1
            vllm:num_requests_running{engine="0"} 8
            vllm:kv_cache_usage_perc{engine="0"} 0.75
            vllm:lora_requests_info{max_lora="2",running_lora_adapters="old",waiting_lora_adapters=""} 100
            vllm:lora_requests_info{max_lora="2",running_lora_adapters="sql, chat",waiting_lora_adapters="tts"} 200
            """);

        Assert.Equal((5, 8, 0.75, 2), (load.Waiting, load.Running, load.KvCacheUsage, load.MaxLora));
        Assert.Equal(["sql", "chat"], load.RunningAdapters.ToArray());
        Assert.Equal(["tts"], load.WaitingAdapters.ToArray());
    }

    [Fact]
    public void TryRead_OlderVllmCacheName_IsUsed()
    {
        var load = Read("vllm:num_requests_waiting 0\nvllm:num_requests_running 1\nvllm:gpu_cache_usage_perc 0.25");

        Assert.Equal(0.25, load.KvCacheUsage);
    }

    [Fact]
    public void TryRead_Sglang_ReadsItsNames()
    {
        var load = Read("sglang:num_queue_reqs 7\nsglang:num_running_reqs 3\nsglang:token_usage 0.5");

        Assert.Equal((7, 3, 0.5), (load.Waiting, load.Running, load.KvCacheUsage));
    }

    [Fact]
    public void TryRead_NoQueueMetrics_NamesWhatIsMissing()
    {
        Assert.True(PrometheusTextParser.TryParse("up 1", ModelServerMetrics.Wanted, out var samples, out _));

        Assert.False(ModelServerMetrics.TryRead(samples, out _, out var error));
        Assert.StartsWith("no vllm:num_requests_waiting", error, StringComparison.Ordinal);
    }

    private static ScrapedLoad Read(string text)
    {
        Assert.True(PrometheusTextParser.TryParse(text, ModelServerMetrics.Wanted, out var samples, out var parseError), parseError);
        Assert.True(ModelServerMetrics.TryRead(samples, out var load, out var error), error);
        return load;
    }
}
