using System.Globalization;

namespace OrleansMesh.Resilience;

/// <summary>
/// When a closed breaker opens (the "behaviour" half of the breaker, apart from its state handling):
/// the window holds at least <see cref="CircuitBreakerSettings.MinimumRequests"/> requests, at least one failed,
/// and failures make up at least <see cref="CircuitBreakerSettings.FailurePercentage"/> of them.
/// </summary>
internal static class FailureRateRule
{
    public static bool ShouldBreak(CircuitBreakerSettings settings, WindowTotals totals) =>
        totals.Failures > 0
        && totals.Total >= settings.MinimumRequests
        && totals.FailurePercentage >= settings.FailurePercentage;

    /// <summary>E.g. "62% of 26 requests failed in the last 10s".</summary>
    public static string Describe(WindowTotals totals, TimeSpan window) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Math.Round(totals.FailurePercentage, MidpointRounding.AwayFromZero)}% of {totals.Total} requests failed in the last {Format(window)}");

    /// <summary>"10s", "1.5s", "250ms", "2m": short, like Istio durations.</summary>
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0.###}ms");
        }

        return span.Ticks % TimeSpan.TicksPerMinute == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###}s");
    }
}
