using System.Globalization;
using System.Text;

namespace OrleansMesh.Benchmarks.Inference;

/// <summary>
/// Herding: several pickers sending to the member that looked emptiest to each of them at the last scrape. Measured
/// from the client's samples as the share of requests that arrived at a server already holding as many requests as it
/// has batch slots (so they queued there) while, on average, the pool had free slots: with perfect spreading at this
/// load almost none would.
/// </summary>
internal static class Herding
{
    public static (double QueuedShare, double MeanInFlight) Measure(List<Sample> samples, int slotsPerServer)
    {
        var ok = samples.Where(s => !s.Failed).OrderBy(s => s.SentAt).ToArray();
        var queued = 0;
        long inFlightSum = 0;
        for (var i = 0; i < ok.Length; i++)
        {
            var mine = ok[i];
            var onServer = 0;
            for (var j = i - 1; j >= 0 && mine.SentAt - ok[j].SentAt < 10_000; j--)
            {
                if (ok[j].SentAt + ok[j].EndToEnd > mine.SentAt)
                {
                    inFlightSum++;
                    if (ok[j].Server == mine.Server)
                    {
                        onServer++;
                    }
                }
            }

            if (onServer >= slotsPerServer)
            {
                queued++;
            }
        }

        return ok.Length == 0 ? (0, 0) : ((double)queued / ok.Length, (double)inFlightSum / ok.Length);
    }

    public static string Markdown(BenchSettings settings, int servers, int slots, int tokens, IReadOnlyList<(string Policy, List<Sample> Samples)> phases)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Herding mode: {servers} identical servers with {slots} batch slots each, streamed requests of {tokens} tokens, {settings.Rate} req/s (Poisson), through one gateway (cannot herd: it counts every request it sends at once) and through three. Herding is gone when three gateways do about as well as one.");
        text.AppendLine(CultureInfo.InvariantCulture, $"The three set-ups take turns in {settings.Rounds} rounds of {settings.Duration.TotalSeconds} s each (after {settings.Warmup.TotalSeconds} s warm-up), so each meets the same moments of the machine's other load; figures pool the rounds, and the full-batch share is also given per round.");
        text.AppendLine();
        text.AppendLine("| Picker | Measured | Errors | Arrived at a full server | Per round | Mean requests in flight (pool) | TTFT p50 ms | TTFT p99 ms | E2E p99 ms |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var group in phases.GroupBy(p => p.Policy))
        {
            var rounds = group.Select(p => (Samples: p.Samples, Measured: Measure(p.Samples, slots))).ToList();
            var all = rounds.SelectMany(r => r.Samples).ToList();
            var ok = all.Where(s => !s.Failed).ToList();
            var counted = rounds.Sum(r => r.Samples.Count(s => !s.Failed));
            var queued = rounds.Sum(r => r.Measured.QueuedShare * r.Samples.Count(s => !s.Failed)) / Math.Max(1, counted);
            var inFlight = rounds.Sum(r => r.Measured.MeanInFlight * r.Samples.Count(s => !s.Failed)) / Math.Max(1, counted);
            var perRound = string.Join(" / ", rounds.Select(r => (100 * r.Measured.QueuedShare).ToString("0.0", CultureInfo.InvariantCulture)));
            var name = group.Key switch { "PICKER_ONE" => "one gateway", "PICKER" => "three gateways, in flight counted cluster-wide", _ => "three gateways, each counting its own" };
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {all.Count} | {all.Count(s => s.Failed)} | {100 * queued:0.0} % | {perRound} | {inFlight:0.0} | {Percentile(ok.Select(s => s.Ttft), 0.5):0} | {Percentile(ok.Select(s => s.Ttft), 0.99):0} | {Percentile(ok.Select(s => s.EndToEnd), 0.99):0} |");
        }

        return text.ToString();
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
