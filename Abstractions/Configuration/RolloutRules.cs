using OrleansMesh.Rollouts;

namespace OrleansMesh.Configuration;

/// <summary>A Rollout's own rules: what its spec must say for the driver to act on it.</summary>
internal static class RolloutRules
{
    /// <summary>Shortest analysis interval: the live telemetry has 1 s resolution and gateways report every second.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    public static void Check(ValidationSink sink, RolloutSpec spec)
    {
        Required(sink, "spec.host", spec.Host);
        Required(sink, "spec.stable", spec.Stable);
        Required(sink, "spec.canary", spec.Canary);
        if (spec.Stable.Length > 0 && spec.Stable == spec.Canary)
        {
            sink.Error("spec.canary", $"canary and stable are both '{spec.Canary}'; name two different subsets");
        }

        var analysis = spec.Analysis;
        if (analysis.Interval < MinInterval)
        {
            sink.Error("spec.analysis.interval", $"interval must be at least {IstioDuration.Format(MinInterval)} (the live telemetry's resolution)");
        }

        if (analysis.Threshold < 1)
        {
            sink.Error("spec.analysis.threshold", $"threshold {analysis.Threshold} must be at least 1 (failed checks before rollback)");
        }

        if (analysis.StepWeight is < 0 or > 100)
        {
            sink.Error("spec.analysis.stepWeight", $"stepWeight {analysis.StepWeight} must be between 0 (A/B test: hold the split) and 100");
        }

        if (analysis.StepWeight > 0 && (analysis.MaxWeight < analysis.StepWeight || analysis.MaxWeight > 100))
        {
            sink.Error("spec.analysis.maxWeight", $"maxWeight {analysis.MaxWeight} must be between stepWeight ({analysis.StepWeight}) and 100");
        }

        if (analysis.MinRequests < 0)
        {
            sink.Error("spec.analysis.minRequests", $"minRequests {analysis.MinRequests} must not be negative");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < analysis.Metrics.Length; i++)
        {
            var metric = analysis.Metrics[i];
            var path = $"spec.analysis.metrics[{i}]";
            if (!RolloutMetricNames.All.Contains(metric.Name))
            {
                var close = Suggestions.Closest(metric.Name, RolloutMetricNames.All);
                sink.Error(path + ".name", $"unknown metric '{metric.Name}'" + (close is null ? $"; supported: {string.Join(", ", RolloutMetricNames.All)}" : $"; did you mean '{close}'?"));
            }
            else if (!seen.Add(metric.Name))
            {
                sink.Error(path + ".name", $"metric '{metric.Name}' is listed twice; give it one thresholdRange");
            }

            if (metric.ThresholdRange is { Min: null, Max: null })
            {
                sink.Error(path + ".thresholdRange", "thresholdRange needs min, max or both");
            }
            else if (metric.ThresholdRange is { Min: { } min, Max: { } max } && min > max)
            {
                sink.Error(path + ".thresholdRange", $"min {min} is above max {max}");
            }
        }
    }

    private static void Required(ValidationSink sink, string path, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            sink.Error(path, $"{path[(path.LastIndexOf('.') + 1)..]} is required");
        }
    }
}
