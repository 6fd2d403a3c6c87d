using System.Collections.Immutable;

namespace OrleansMesh.Inference;

/// <summary>
/// The metric names a pool's model servers are read by, where they differ from GIE's model-server protocol (vLLM's,
/// else SGLang's): OrleansMesh's extension, set by annotations on the InferencePool, in the place GIE sets them with
/// its endpoint picker's flags (<c>--total-queued-requests-metric</c>, <c>--total-running-requests-metric</c>,
/// <c>--kv-cache-usage-percentage-metric</c>, <c>--lora-info-metric</c>). A value is a metric name, optionally with
/// label matchers as GIE writes them: <c>name{label="value",...}</c>. An unset one keeps the protocol's names.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.PoolMetricNames")]
public sealed record PoolMetricNames
{
    /// <summary>The annotation prefix of OrleansMesh's pool extensions.</summary>
    public const string Prefix = "orleansmesh.io/";

    /// <summary>Waiting (queued) requests, summed over samples. GIE: <c>--total-queued-requests-metric</c>.</summary>
    public const string QueueAnnotation = Prefix + "queue-metric";

    /// <summary>Running requests, summed over samples. GIE: <c>--total-running-requests-metric</c>.</summary>
    public const string RunningAnnotation = Prefix + "running-metric";

    /// <summary>KV-cache use, 0 to 1, the largest sample. GIE: <c>--kv-cache-usage-percentage-metric</c>.</summary>
    public const string KvCacheAnnotation = Prefix + "kv-cache-metric";

    /// <summary>LoRA adapters, vLLM's info-metric shape. GIE: <c>--lora-info-metric</c>.</summary>
    public const string LoraAnnotation = Prefix + "lora-info-metric";

    /// <summary>Every metric annotation.</summary>
    public static readonly ImmutableArray<string> Annotations = [QueueAnnotation, RunningAnnotation, KvCacheAnnotation, LoraAnnotation];

    /// <summary>Waiting requests; null: <c>vllm:num_requests_waiting</c>, else <c>sglang:num_queue_reqs</c>.</summary>
    [Id(0)] public string? Queue { get; init; }

    /// <summary>Running requests; null: <c>vllm:num_requests_running</c>, else <c>sglang:num_running_reqs</c>.</summary>
    [Id(1)] public string? Running { get; init; }

    /// <summary>KV-cache use; null: <c>vllm:kv_cache_usage_perc</c>, <c>vllm:gpu_cache_usage_perc</c>, <c>sglang:token_usage</c>.</summary>
    [Id(2)] public string? KvCache { get; init; }

    /// <summary>LoRA info; null: <c>vllm:lora_requests_info</c>.</summary>
    [Id(3)] public string? Lora { get; init; }

    /// <summary>The names a pool's annotations set, or null when they set none.</summary>
    public static PoolMetricNames? FromAnnotations(IReadOnlyDictionary<string, string> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var names = new PoolMetricNames
        {
            Queue = annotations.GetValueOrDefault(QueueAnnotation),
            Running = annotations.GetValueOrDefault(RunningAnnotation),
            KvCache = annotations.GetValueOrDefault(KvCacheAnnotation),
            Lora = annotations.GetValueOrDefault(LoraAnnotation),
        };
        return names is { Queue: null, Running: null, KvCache: null, Lora: null } ? null : names;
    }
}
