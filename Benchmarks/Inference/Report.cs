using System.Globalization;
using System.Text;

namespace OrleansMesh.Benchmarks.Inference;

/// <summary>The results table, one row per policy.</summary>
internal static class Report
{
    public static string Markdown(BenchSettings settings, IReadOnlyList<(string Policy, List<Sample> Samples, string SlowServer)> phases)
    {
        var text = new StringBuilder();
        var objective = settings.TtftObjective.TotalMilliseconds;
        text.AppendLine(CultureInfo.InvariantCulture, $"Offered load {settings.Rate} req/s (Poisson) for {settings.Duration.TotalSeconds} s measured after {settings.Warmup.TotalSeconds} s warm-up per policy; objective: time to first token ≤ {objective} ms.");
        text.AppendLine();
        text.AppendLine("| Policy | Measured | Errors | Completed req/s | Within objective req/s | TTFT p50 ms | TTFT p99 ms | E2E p99 ms | Slow server share | p99 TTFT / ROUND_ROBIN | Goodput / ROUND_ROBIN |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var baseline = phases.FirstOrDefault(p => p.Policy == "ROUND_ROBIN");
        var baseP99 = baseline.Samples is null ? double.NaN : Percentile(Ok(baseline.Samples).Select(s => s.Ttft), 0.99);
        var baseGood = baseline.Samples is null ? double.NaN : Ok(baseline.Samples).Count(s => s.Ttft <= objective) / settings.Duration.TotalSeconds;
        foreach (var (policy, samples, slow) in phases)
        {
            var ok = Ok(samples).ToList();
            var p99 = Percentile(ok.Select(s => s.Ttft), 0.99);
            var good = ok.Count(s => s.Ttft <= objective) / settings.Duration.TotalSeconds;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {Name(policy)} | {samples.Count} | {samples.Count(s => s.Failed)} | {ok.Count / settings.Duration.TotalSeconds:0.0} | {good:0.0} | {Percentile(ok.Select(s => s.Ttft), 0.5):0} | {p99:0} | {Percentile(ok.Select(s => s.EndToEnd), 0.99):0} | {(ok.Count == 0 ? 0 : 100.0 * ok.Count(s => s.Server.EndsWith(slow, StringComparison.Ordinal)) / ok.Count):0.0} % | {p99 / baseP99:0.00} | {good / baseGood:0.00} |");
        }

        return text.ToString();
    }

    public static string Summary(List<Sample> samples)
    {
        var ok = Ok(samples).ToList();
        return FormattableString.Invariant($"{samples.Count} requests, {samples.Count(s => s.Failed)} failed, TTFT p50 {Percentile(ok.Select(s => s.Ttft), 0.5):0} ms p99 {Percentile(ok.Select(s => s.Ttft), 0.99):0} ms, E2E p99 {Percentile(ok.Select(s => s.EndToEnd), 0.99):0} ms");
    }

    private static IEnumerable<Sample> Ok(List<Sample> samples) => samples.Where(s => !s.Failed);

    private static string Name(string policy) => policy switch
    {
        "PICKER" => "InferencePool picker",
        "PICKER_GIE" => "InferencePool picker, GIE's default profile only (no active-request scorer, no tolerance)",
        _ => policy,
    };

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
