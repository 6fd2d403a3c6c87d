using System.Collections.Immutable;
using OrleansMesh.Rollouts;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Grains.Rollouts;

/// <summary>Makes one check from the cluster's live telemetry of the Rollout's host over the last interval.</summary>
internal static class RolloutJudge
{
    public static RolloutCheck Check(RolloutSpec spec, int? canaryWeight, ServiceTelemetry telemetry, DateTimeOffset now)
    {
        var window = spec.Analysis.Interval;
        var canarySample = telemetry.Subset(spec.Canary);
        var canary = TelemetryFigures.Of(canarySample, window);
        var stable = TelemetryFigures.Of(telemetry.Subset(spec.Stable), window);
        var metrics = spec.Analysis.Metrics
            .Select(m => new RolloutMetricResult { Name = m.Name, Value = Value(m.Name, canary, stable), Range = m.ThresholdRange })
            .ToImmutableArray();

        // Requests the client gave up on tell nothing about the canary: only answered ones count towards minRequests.
        var answered = canarySample.Requests - canarySample.Cancelled;
        var verdict = answered < Math.Max(1, spec.Analysis.MinRequests) ? RolloutCheckVerdict.Skipped
            : metrics.Any(m => m.Failed) ? RolloutCheckVerdict.Failed
            : RolloutCheckVerdict.Passed;
        return new RolloutCheck
        {
            At = now,
            CanaryWeight = canaryWeight,
            Verdict = verdict,
            Metrics = metrics,
            Canary = Variant(spec.Canary, canary),
            Stable = Variant(spec.Stable, stable),
        };
    }

    private static double? Value(string metric, TelemetryFigures canary, TelemetryFigures stable) => metric switch
    {
        RolloutMetricNames.RequestSuccessRate => canary.SuccessRate,
        RolloutMetricNames.RequestDuration => canary.LatencyP99,
        RolloutMetricNames.TimeToFirstToken => canary.TimeToFirstTokenP99,
        RolloutMetricNames.RelativeSuccessRate => canary.SuccessRate - stable.SuccessRate,
        _ => null,
    };

    private static RolloutVariant Variant(string subset, TelemetryFigures figures) => new()
    {
        Subset = subset,
        Requests = figures.Requests,
        SuccessRate = figures.SuccessRate,
        LatencyP99 = figures.LatencyP99,
        TimeToFirstTokenP99 = figures.TimeToFirstTokenP99,
    };
}
