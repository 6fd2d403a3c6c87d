using OrleansMesh.Rollouts;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>The fields of a Rollout spec (<c>orleansmesh.io/v1alpha1</c>), named as Flagger's Canary analysis names them.</summary>
internal static class RolloutSchema
{
    public static readonly ObjectCodec<ThresholdRange> Range = new ObjectCodec<ThresholdRange>("ThresholdRange")
        .Optional("min", DoubleCodec.Instance, r => r.Min, (r, v) => r with { Min = v })
        .Optional("max", DoubleCodec.Instance, r => r.Max, (r, v) => r with { Max = v });

    public static readonly ObjectCodec<RolloutMetric> Metric = new ObjectCodec<RolloutMetric>("RolloutMetric")
        .Field("name", Str, m => m.Name, (m, v) => m with { Name = v }, always: true)
        .Field("thresholdRange", Range, m => m.ThresholdRange, (m, v) => m with { ThresholdRange = v }, always: true);

    public static readonly ObjectCodec<RolloutAnalysis> Analysis = new ObjectCodec<RolloutAnalysis>("RolloutAnalysis")
        .Field("interval", Duration, a => a.Interval, (a, v) => a with { Interval = v }, always: true)
        .Field("threshold", Int, a => a.Threshold, (a, v) => a with { Threshold = v }, always: true)
        .Field("stepWeight", Int, a => a.StepWeight, (a, v) => a with { StepWeight = v }, always: true)
        .Field("maxWeight", Int, a => a.MaxWeight, (a, v) => a with { MaxWeight = v }, always: true)
        .Field("minRequests", Int, a => a.MinRequests, (a, v) => a with { MinRequests = v })
        .Field("metrics", new ListCodec<RolloutMetric>(Metric), a => a.Metrics, (a, v) => a with { Metrics = v });

    public static readonly ObjectCodec<RolloutSpec> Spec = new ObjectCodec<RolloutSpec>("RolloutSpec")
        .Field("host", Str, s => s.Host, (s, v) => s with { Host = v }, always: true)
        .Field("stable", Str, s => s.Stable, (s, v) => s with { Stable = v }, always: true)
        .Field("canary", Str, s => s.Canary, (s, v) => s with { Canary = v }, always: true)
        .Field("analysis", Analysis, s => s.Analysis, (s, v) => s with { Analysis = v }, always: true);
}
