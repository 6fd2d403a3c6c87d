using System.Collections.Immutable;

namespace OrleansMesh.Rollouts;

/// <summary>The metrics a Rollout's analysis can check, read from the cluster's live telemetry.</summary>
public static class RolloutMetricNames
{
    /// <summary>Percent of the canary's answered requests not answered 5xx (Flagger's builtin).</summary>
    public const string RequestSuccessRate = "request-success-rate";

    /// <summary>The canary's 99th percentile request duration in milliseconds (Flagger's builtin).</summary>
    public const string RequestDuration = "request-duration";

    /// <summary>The canary's 99th percentile time to first token of streamed answers, in milliseconds.</summary>
    public const string TimeToFirstToken = "time-to-first-token";

    /// <summary>The canary's success rate minus the stable subset's, in percentage points (A/B against the baseline).</summary>
    public const string RelativeSuccessRate = "relative-success-rate";

    /// <summary>Every name, in the order the documentation lists them.</summary>
    public static ImmutableArray<string> All { get; } = [RequestSuccessRate, RequestDuration, TimeToFirstToken, RelativeSuccessRate];
}
