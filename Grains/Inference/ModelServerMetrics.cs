using System.Collections.Frozen;
using System.Collections.Immutable;
using OrleansMesh.Inference;

namespace OrleansMesh.Grains.Inference;

/// <summary>
/// Reads a model server's load from its Prometheus samples, by the Gateway API Inference Extension's model-server
/// protocol: vLLM's names (with the older <c>vllm:gpu_cache_usage_perc</c>) or SGLang's, whichever the server exports;
/// or, for a pool whose annotations name its metrics (<see cref="PoolMetricNames"/>), by those names only.
/// </summary>
internal sealed class ModelServerMetrics
{
    public const string VllmWaiting = "vllm:num_requests_waiting";
    public const string VllmRunning = "vllm:num_requests_running";
    public const string VllmKvCache = "vllm:kv_cache_usage_perc";
    public const string VllmGpuCache = "vllm:gpu_cache_usage_perc";
    public const string VllmLora = "vllm:lora_requests_info";
    public const string SglangWaiting = "sglang:num_queue_reqs";
    public const string SglangRunning = "sglang:num_running_reqs";
    public const string SglangKvCache = "sglang:token_usage";

    private readonly MetricSelector[] _waiting;
    private readonly MetricSelector[] _running;
    private readonly MetricSelector[] _kvCache;
    private readonly MetricSelector[] _lora;

    private ModelServerMetrics(PoolMetricNames? names)
    {
        _waiting = Selectors(names?.Queue, VllmWaiting, SglangWaiting);
        _running = Selectors(names?.Running, VllmRunning, SglangRunning);
        _kvCache = Selectors(names?.KvCache, VllmKvCache, VllmGpuCache, SglangKvCache);
        _lora = Selectors(names?.Lora, VllmLora);
        Names = names;
        WantedNames = FrozenSet.Create(StringComparer.Ordinal, [.. _waiting.Concat(_running).Concat(_kvCache).Concat(_lora).Select(s => s.Name)]);
    }

    /// <summary>GIE's protocol names.</summary>
    public static ModelServerMetrics Default { get; } = new(null);

    /// <summary>The protocol's metric names, the parser's filter.</summary>
    public static FrozenSet<string> Wanted => Default.WantedNames;

    /// <summary>The names this reader was made for; null: the protocol's.</summary>
    public PoolMetricNames? Names { get; }

    /// <summary>The metric names this reader reads, the parser's filter.</summary>
    public FrozenSet<string> WantedNames { get; }

    /// <summary>A reader of <paramref name="names"/>; an annotation that does not parse (validation refuses it) keeps the protocol's name.</summary>
    public static ModelServerMetrics For(PoolMetricNames? names) => names is null ? Default : new ModelServerMetrics(names);

    /// <summary>The load by the protocol's names, or an error naming what the server did not export.</summary>
    public static bool TryRead(IReadOnlyList<PrometheusSample> samples, out ScrapedLoad load, out string? error) =>
        Default.TryReadLoad(samples, out load, out error);

    /// <summary>The load, or an error naming what the server did not export.</summary>
    public bool TryReadLoad(IReadOnlyList<PrometheusSample> samples, out ScrapedLoad load, out string? error)
    {
        ArgumentNullException.ThrowIfNull(samples);
        load = default;
        var waiting = First(samples, _waiting, Sum);
        var running = First(samples, _running, Sum);
        if (waiting is null || running is null)
        {
            error = Names is null
                ? $"no {VllmWaiting} and {VllmRunning} (or {SglangWaiting} and {SglangRunning}) in the metrics"
                : $"no {Text(_waiting)} and {Text(_running)} in the metrics (the pool's annotations name them)";
            return false;
        }

        var kv = First(samples, _kvCache, Max) ?? 0;

        // vLLM writes one info sample per change, its value the time of the change: the newest is the current one.
        PrometheusSample? lora = null;
        foreach (var sample in samples)
        {
            if (Array.Exists(_lora, s => Selects(s, sample)) && (lora is null || sample.Value > lora.Value))
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

    private static MetricSelector[] Selectors(string? configured, params string[] protocol) =>
        configured is not null && MetricSelector.TryParse(configured, out var selector, out _)
            ? [selector]
            : [.. protocol.Select(name => new MetricSelector(name, []))];

    private static string Text(MetricSelector[] selectors) => string.Join(" or ", selectors.Select(s => s.Name));

    private static double? First(IReadOnlyList<PrometheusSample> samples, MetricSelector[] selectors, Func<IReadOnlyList<PrometheusSample>, MetricSelector, double?> read)
    {
        foreach (var selector in selectors)
        {
            if (read(samples, selector) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static bool Selects(MetricSelector selector, PrometheusSample sample)
    {
        if (sample.Name != selector.Name)
        {
            return false;
        }

        foreach (var (key, value) in selector.Labels)
        {
            if (sample.Label(key) != value)
            {
                return false;
            }
        }

        return true;
    }

    // A server with several engines (data parallel) writes one sample per engine: the server's load is their sum.
    private static double? Sum(IReadOnlyList<PrometheusSample> samples, MetricSelector selector)
    {
        double? sum = null;
        foreach (var sample in samples)
        {
            if (Selects(selector, sample) && double.IsFinite(sample.Value))
            {
                sum = (sum ?? 0) + sample.Value;
            }
        }

        return sum;
    }

    private static double? Max(IReadOnlyList<PrometheusSample> samples, MetricSelector selector)
    {
        double? max = null;
        foreach (var sample in samples)
        {
            if (Selects(selector, sample) && double.IsFinite(sample.Value))
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
