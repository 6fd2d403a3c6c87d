using System.Globalization;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Cli.Output;

/// <summary>Writes <c>meshctl rollout status</c>: a summary, the last check against its ranges, both variants side by side, the history.</summary>
internal static class RolloutStatusWriter
{
    private const int HistoryShown = 20;

    /// <summary>One line: phase and weights, e.g. "Progressing: v2 30 %, v1 70 % (2 passed, 0/3 failed)".</summary>
    public static string Summary(RolloutStatus status)
    {
        var spec = status.Spec;
        var split = status.CanaryWeight is { } w ? $"{spec?.Canary} {w} %, {spec?.Stable} {100 - w} %" : "split as written (A/B)";
        var state = status.Deleted ? ", deleted (driver stopped)" : status.Paused ? ", paused" : "";
        return $"{status.Phase}{state}: {split} ({status.PassedChecks} passed, {status.FailedChecks}/{spec?.Analysis.Threshold} failed)";
    }

    public static void Write(TextWriter output, RolloutStatus status)
    {
        output.WriteLine($"Rollout:  {status.Namespace}/{status.Name}");
        if (status.Spec is { } spec)
        {
            output.WriteLine($"Host:     {spec.Host} (stable {spec.Stable}, canary {spec.Canary})");
        }

        output.WriteLine($"Status:   {Summary(status)}");
        if (status.NextCheckAt is { } next)
        {
            output.WriteLine($"Next:     {Time(next)}");
        }

        if (status.LastCheck is { } check)
        {
            output.WriteLine();
            output.WriteLine($"Last check ({Time(check.At)}, canary weight {Weight(check.CanaryWeight)}): {check.Verdict}");
            if (!check.Metrics.IsDefaultOrEmpty)
            {
                TableWriter.Write(output, ["METRIC", "VALUE", "RANGE", "RESULT"], [.. check.Metrics.Select(m => (IReadOnlyList<string>)
                    [m.Name, Number(m.Value), m.Range.ToString(), m.Value is null ? "no data" : m.Failed ? "FAIL" : "ok"])]);
            }

            output.WriteLine();
            TableWriter.Write(output, ["SUBSET", "REQUESTS", "SUCCESS %", "P99 MS", "TTFT P99 MS"], [.. new[] { check.Stable, check.Canary }.Select(v => (IReadOnlyList<string>)
                [v.Subset, v.Requests.ToString(CultureInfo.InvariantCulture), Number(v.SuccessRate), Number(v.LatencyP99), Number(v.TimeToFirstTokenP99)])]);
        }

        if (!status.Events.IsDefaultOrEmpty)
        {
            output.WriteLine();
            TableWriter.Write(output, ["TIME", "PHASE", "WEIGHT", "EVENT"], [.. status.Events.TakeLast(HistoryShown).Select(e => (IReadOnlyList<string>)
                [Time(e.At), e.Phase.ToString(), Weight(e.CanaryWeight), e.Message])]);
        }
    }

    private static string Weight(int? weight) => weight is { } w ? w.ToString(CultureInfo.InvariantCulture) : "as written";

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    private static string Time(DateTimeOffset at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
