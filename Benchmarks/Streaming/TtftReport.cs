using System.Globalization;
using System.Text;

namespace OrleansMesh.Benchmarks.Streaming;

/// <summary>The result as Markdown: both targets' statistics, their difference, and the issue's 2 ms target.</summary>
internal static class TtftReport
{
    public const double TargetMs = 2.0;

    public static string Markdown(TtftSettings settings, TtftStats direct, TtftStats gateway)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine("# Time to first token: direct vs through the mesh gateway").AppendLine();
        if (settings.Note is { } note)
        {
            text.AppendLine(note).AppendLine();
        }

        text.AppendLine(c, $"{settings.Requests} streamed chat completions per target (`max_tokens` {settings.MaxTokens}), one at a time, interleaved (alternating which target goes first), after {settings.Warmup} warm-up pairs.")
            .AppendLine("TTFT = from just before the client sends the request to the first `data:` line read by the client. Milliseconds.")
            .AppendLine()
            .AppendLine("| Target | n | min | median | p90 | p99 | max | mean |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Row(text, $"direct ({settings.Direct})", direct);
        Row(text, $"gateway ({settings.Gateway})", gateway);
        var medianDelta = gateway.Median - direct.Median;
        var p99Delta = gateway.P99 - direct.P99;
        text.AppendLine()
            .AppendLine(c, $"Gateway − direct: median {medianDelta:+0.000;-0.000} ms, p99 {p99Delta:+0.000;-0.000} ms, mean {gateway.Mean - direct.Mean:+0.000;-0.000} ms.")
            .AppendLine(c, $"Target (issue 6): TTFT through the gateway within {TargetMs} ms of direct — median: {(medianDelta <= TargetMs ? "met" : "NOT met")}, p99: {(p99Delta <= TargetMs ? "met" : "NOT met")}.");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, TtftStats s) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {s.Count} | {s.Min:0.000} | {s.Median:0.000} | {s.P90:0.000} | {s.P99:0.000} | {s.Max:0.000} | {s.Mean:0.000} |");
}
