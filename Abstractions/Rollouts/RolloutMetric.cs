namespace OrleansMesh.Rollouts;

/// <summary>One metric of the analysis (one of <see cref="RolloutMetricNames"/>) and the range it must stay in.</summary>
[GenerateSerializer, Immutable, Alias("om.RolloutMetric")]
public sealed record RolloutMetric
{
    /// <summary>The metric's name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The accepted range.</summary>
    [Id(1)] public ThresholdRange ThresholdRange { get; init; } = new();
}
