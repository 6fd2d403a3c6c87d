using System.Globalization;
using System.Text;

namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>
/// <c>GET /metrics</c> with the simulated engine on: vLLM's own metric names and types in Prometheus' text format, as
/// the Gateway API Inference Extension's model-server protocol reads them. <c>vllm:lora_requests_info</c> is a gauge
/// whose value is the time of the sample (vLLM's convention) and whose labels carry the adapters.
/// </summary>
internal sealed class EngineMetricsEndpoint(SimulatedEngine engine, Hosting.ModelIdentity model, TimeProvider time)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public Task HandleAsync(HttpContext context)
    {
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(Render(engine.Status(), model.Name, time.GetUtcNow()), context.RequestAborted);
    }

    public static string Render(EngineStatus status, string modelName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var labels = $"engine=\"0\",model_name=\"{Escape(modelName)}\"";
        var text = new StringBuilder();
        Metric(text, "vllm:num_requests_running", "gauge", "Number of requests in model execution batches.", labels, status.Running);
        Metric(text, "vllm:num_requests_waiting", "gauge", "Number of requests waiting to be processed.", labels, status.Waiting);
        Metric(text, "vllm:kv_cache_usage_perc", "gauge", "KV-cache usage. 1 means 100 percent usage.", labels, status.KvCacheUsage);
        Metric(text, "vllm:lora_requests_info", "gauge", "Running stats on lora requests.",
            $"max_lora=\"{status.MaxLora.ToString(CultureInfo.InvariantCulture)}\",running_lora_adapters=\"{Escape(string.Join(',', status.RunningAdapters))}\",waiting_lora_adapters=\"{Escape(string.Join(',', status.WaitingAdapters))}\"",
            now.ToUnixTimeMilliseconds() / 1000.0);
        Counter(text, "vllm:prefix_cache_queries", "Prefix cache queries, in terms of number of queried tokens.", labels, status.PrefixQueriedTokens);
        Counter(text, "vllm:prefix_cache_hits", "Prefix cache hits, in terms of number of cached tokens.", labels, status.PrefixHitTokens);
        return text.ToString();
    }

    private static void Metric(StringBuilder text, string name, string type, string help, string labels, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name}{{{labels}}} {Format(value)}\n");

    // A counter's samples carry the _total suffix its family name does not, as in the OpenMetrics-era Prometheus client.
    private static void Counter(StringBuilder text, string name, string help, string labels, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name}_total {help}\n# TYPE {name}_total counter\n{name}_total{{{labels}}} {Format(value)}\n");

    private static string Format(double value) => value.ToString("0.0###############", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
