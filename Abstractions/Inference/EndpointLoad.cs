using System.Collections.Immutable;

namespace OrleansMesh.Inference;

/// <summary>
/// One model server of a pool as the control plane last saw it: its scraped metrics, the requests every gateway sent it
/// since that scrape, and how old the scrape was when pushed (gateways add the time since they received it, so no clock
/// is compared across machines).
/// </summary>
[GenerateSerializer, Immutable, Alias("om.EndpointLoad")]
public sealed record EndpointLoad
{
    /// <summary><c>address:port</c> of the model server.</summary>
    [Id(0)] public string Endpoint { get; init; } = "";

    /// <summary>Requests waiting (<c>vllm:num_requests_waiting</c>, <c>sglang:num_queue_reqs</c>).</summary>
    [Id(1)] public int Waiting { get; init; }

    /// <summary>Requests running (<c>vllm:num_requests_running</c>, <c>sglang:num_running_reqs</c>).</summary>
    [Id(2)] public int Running { get; init; }

    /// <summary>KV-cache use, 0..1 (<c>vllm:kv_cache_usage_perc</c>, older <c>vllm:gpu_cache_usage_perc</c>, <c>sglang:token_usage</c>).</summary>
    [Id(3)] public double KvCacheUsage { get; init; }

    /// <summary>LoRA adapters with requests running (<c>vllm:lora_requests_info</c> <c>running_lora_adapters</c>).</summary>
    [Id(4)] public ImmutableArray<string> RunningAdapters { get; init; } = [];

    /// <summary>LoRA adapters with requests waiting (<c>waiting_lora_adapters</c>).</summary>
    [Id(5)] public ImmutableArray<string> WaitingAdapters { get; init; } = [];

    /// <summary>Adapter slots (<c>max_lora</c>); 0 when the server reports none.</summary>
    [Id(6)] public int MaxLora { get; init; }

    /// <summary>Requests all gateways reported sending to it since the scrape began: work it has, or will have, that the scrape does not show.</summary>
    [Id(7)] public int Dispatched { get; init; }

    /// <summary>Age of the metrics when pushed; <see cref="TimeSpan.MaxValue"/> when it was never scraped successfully.</summary>
    [Id(8)] public TimeSpan Age { get; init; } = TimeSpan.MaxValue;

    /// <summary>Why the latest scrape failed, or null when it succeeded.</summary>
    [Id(9)] public string? Error { get; init; }

    /// <summary>
    /// Requests in flight to it through all gateways, the sum of each gateway's latest report: fresher than the scrape
    /// (a report interval old, where the scrape is up to a scrape interval old), and state rather than a count of sends,
    /// so nothing is counted twice or after it finished.
    /// </summary>
    [Id(10)] public int InFlight { get; init; }
}
