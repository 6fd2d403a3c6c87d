using System.Collections.Immutable;

namespace OrleansMesh.Rollouts;

/// <summary>A Rollout's <c>analysis</c>, as Flagger's Canary analysis.</summary>
[GenerateSerializer, Immutable, Alias("om.RolloutAnalysis")]
public sealed record RolloutAnalysis
{
    /// <summary>One check per interval. Default 1 minute (Flagger's).</summary>
    [Id(0)] public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed checks before the canary is rolled back. Default 5.</summary>
    [Id(1)] public int Threshold { get; init; } = 5;

    /// <summary>
    /// Canary weight (percent) added after each passed check. 0 makes the Rollout an A/B test: the split the
    /// VirtualService gives is held and only reported on, never stepped, promoted or rolled back by the analysis.
    /// Default 10.
    /// </summary>
    [Id(2)] public int StepWeight { get; init; } = 10;

    /// <summary>The highest canary weight stepped to; one more passed check promotes. Default 50.</summary>
    [Id(3)] public int MaxWeight { get; init; } = 50;

    /// <summary>Fewer canary requests than this in an interval: the check neither passes nor fails. Default 0.</summary>
    [Id(4)] public int MinRequests { get; init; }

    /// <summary>The metrics every check compares with their ranges; all must be in range for a check to pass.</summary>
    [Id(5)] public ImmutableArray<RolloutMetric> Metrics { get; init; } = [];
}
