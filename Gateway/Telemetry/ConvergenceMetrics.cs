using System.Diagnostics.Metrics;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// <c>pilot_proxy_convergence_time</c>: from a config change committed in the control plane to this gateway serving
/// it. Static so the config subscriber records it without a dependency: gateways sharing a process share the series.
/// </summary>
internal static class ConvergenceMetrics
{
    private static readonly Meter s_meter = new(MeshMetricNames.MeterName);

    private static readonly Histogram<double> s_convergence = s_meter.CreateHistogram(
        MeshMetricNames.ConvergenceTime,

        // No unit: Prometheus exporters would append _seconds, and dashboards expect Istio's name as it is.
        unit: null,
        "Delay in seconds between a config change in the control plane and the gateway serving it.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MeshMetricNames.ConvergenceBuckets });

    /// <summary>
    /// Records one push's delay; null (a full snapshot pulled, whose change time is unknown) records nothing, and a
    /// negative delay (clocks of different machines) counts as zero.
    /// </summary>
    public static void Record(TimeSpan? delay)
    {
        if (delay is { } value)
        {
            s_convergence.Record(Math.Max(0, value.TotalSeconds));
        }
    }
}
