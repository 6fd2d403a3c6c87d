using System.Collections.Immutable;

namespace OrleansMesh.Rollouts;

/// <summary>One analysis check: when, at which canary weight, what was measured and the verdict.</summary>
[GenerateSerializer, Immutable, Alias("om.RolloutCheck")]
public sealed record RolloutCheck
{
    /// <summary>When the check ran.</summary>
    [Id(0)] public DateTimeOffset At { get; init; }

    /// <summary>The canary's weight (percent) during the interval checked; null for an A/B test's split as written.</summary>
    [Id(1)] public int? CanaryWeight { get; init; }

    /// <summary>The verdict.</summary>
    [Id(2)] public RolloutCheckVerdict Verdict { get; init; }

    /// <summary>Each metric's value against its range.</summary>
    [Id(3)] public ImmutableArray<RolloutMetricResult> Metrics { get; init; } = [];

    /// <summary>The canary's figures over the interval.</summary>
    [Id(4)] public RolloutVariant Canary { get; init; } = new();

    /// <summary>The stable subset's figures over the interval.</summary>
    [Id(5)] public RolloutVariant Stable { get; init; } = new();
}
