using System.Collections.Frozen;
using System.Collections.Immutable;

namespace OrleansMesh.Grains.Inference;

/// <summary>
/// Reads a model server's load from its Prometheus samples, by the Gateway API Inference Extension's model-server
/// protocol: vLLM's names (with the older <c>vllm:gpu_cache_usage_perc</c>) or SGLang's, whichever the server exports.
/// </summary>
internal static class ModelServerMetrics
{
    public const string VllmWaiting = "vllm:num_requests_waiting";
    public const string VllmRunning = "vllm:num_requests_running";
    public const string VllmKvCache = "vllm:kv_cache_usage_perc";
    public const string VllmGpuCache = "vllm:gpu_cache_usage_perc";
    public const string VllmLora = "vllm:lora_requests_info";
    public const string SglangWaiting = "sglang:num_queue_reqs";
    public const string SglangRunning = "sglang:num_running_reqs";
    public const string SglangKvCache = "sglang:token_usage";

    public static FrozenSet<string> Wanted { get; } = FrozenSet.Create(
        StringComparer.Ordinal, VllmWaiting, VllmRunning, VllmKvCache, VllmGpuCache, VllmLora, SglangWaiting, SglangRunning, SglangKvCache);

    /// <summary>The load, or an error naming what the server did not export.</summary>
    public static bool TryRead(IReadOnlyList<PrometheusSample> samples, out ScrapedLoad load, out string? error)
    {
        ArgumentNullException.ThrowIfNull(samples);
        load = default;
        var waiting = Sum(samples, VllmWaiting) ?? Sum(samples, SglangWaiting);
        var running = Sum(samples, VllmRunning) ?? Sum(samples, SglangRunning);
        if (waiting is null || running is null)
        {
            error = $"no {VllmWaiting} and {VllmRunning} (or {SglangWaiting} and {SglangRunning}) in the metrics";
            return false;
        }

        var kv = Max(samples, VllmKvCache) ?? Max(samples, VllmGpuCache) ?? Max(samples, SglangKvCache) ?? 0;

        // vLLM writes one info sample per change, its value the time of the change: the newest is the current one.
        PrometheusSample? lora = null;
        foreach (var sample in samples)
        {
            if (sample.Name == VllmLora && (lora is null || sample.Value > lora.Value))
            {
                lora = sample;
            }
        }

        load = new ScrapedLoad(
            Count(waiting.Value),
            Count(running.Value),
            double.IsFinite(kv) ? Math.Clamp(kv, 0, 1) : 0,
            Adapters(lora?.Label("running_lora_adapters")),
            Adapters(lora?.Label("waiting_lora_adapters")),
            int.TryParse(lora?.Label("max_lora"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) ? max : 0);
        error = null;
        return true;
    }

    // A server with several engines (data parallel) writes one sample per engine: the server's load is their sum.
    private static double? Sum(IReadOnlyList<PrometheusSample> samples, string name)
    {
        double? sum = null;
        foreach (var sample in samples)
        {
            if (sample.Name == name && double.IsFinite(sample.Value))
            {
                sum = (sum ?? 0) + sample.Value;
            }
        }

        return sum;
    }

    private static double? Max(IReadOnlyList<PrometheusSample> samples, string name)
    {
        double? max = null;
        foreach (var sample in samples)
        {
            if (sample.Name == name && double.IsFinite(sample.Value))
            {
                max = Math.Max(max ?? double.MinValue, sample.Value);
            }
        }

        return max;
    }

    private static int Count(double value) => (int)Math.Clamp(value, 0, int.MaxValue);

    private static ImmutableArray<string> Adapters(string? list) =>
        string.IsNullOrEmpty(list) ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
