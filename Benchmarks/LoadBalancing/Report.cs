using System.Globalization;
using System.Text;

namespace OrleansMesh.Benchmarks.LoadBalancing;

/// <summary>The markdown table of the run: per policy, all rounds' latencies pooled, and the ratio to round-robin.</summary>
internal static class Report
{
    public static string Markdown(BenchSettings settings, Dictionary<string, List<Phase>> results)
    {
        var pooled = results.ToDictionary(
            r => r.Key,
            r => (Latencies: r.Value.SelectMany(p => p.LatenciesMs).ToArray(), Phases: r.Value));
        var roundRobinP99 = pooled.TryGetValue("ROUND_ROBIN", out var rr) ? Phase.Percentile(rr.Latencies, 99) : double.NaN;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{settings.Rounds} rounds x {string.Join(", ", settings.Policies)} (alternating), {settings.Duration.TotalSeconds:F0} s measured per phase after {settings.Warmup.TotalSeconds:F0} s warm-up;")
            .AppendLine(c, $"{settings.Workers} closed-loop clients; backends answer after {settings.BaseLatencyMs} ms, the slow one after {settings.BaseLatencyMs + settings.SlowExtraMs} ms and {settings.SlowCapacity} requests at a time (the rest queue).")
            .AppendLine()
            .AppendLine("| Policy | Requests | req/s | p50 ms | p90 ms | p99 ms | p99 / ROUND_ROBIN p99 | Slow backend share | Errors | p99 per round (ms) |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (policy, (latencies, phases)) in pooled)
        {
            var seconds = phases.Sum(p => p.Duration.TotalSeconds);
            var served = phases.Sum(p => p.BackendCounts.Sum());
            var slow = phases.Sum(p => p.BackendCounts[^1]);
            var p99 = Phase.Percentile(latencies, 99);
            text.AppendLine(c, $"| {policy} | {latencies.Length} | {latencies.Length / seconds:F0} | {Phase.Percentile(latencies, 50):F1} | {Phase.Percentile(latencies, 90):F1} | {p99:F1} | {p99 / roundRobinP99:F2} | {(served == 0 ? 0 : slow / (double)served):P1} | {phases.Sum(p => p.Errors)} | {string.Join(" / ", phases.Select(p => p.Percentile(99).ToString("F1", c)))} |");
        }

        return text.ToString();
    }
}
