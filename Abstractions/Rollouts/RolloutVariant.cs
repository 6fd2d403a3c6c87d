namespace OrleansMesh.Rollouts;

/// <summary>One subset's figures over a check's interval, all gateways together: the A/B report's columns.</summary>
[GenerateSerializer, Immutable, Alias("om.RolloutVariant")]
public sealed record RolloutVariant
{
    /// <summary>The subset.</summary>
    [Id(0)] public string Subset { get; init; } = "";

    /// <summary>Requests finished in the interval.</summary>
    [Id(1)] public long Requests { get; init; }

    /// <summary>Percent not answered 5xx, null without answered requests.</summary>
    [Id(2)] public double? SuccessRate { get; init; }

    /// <summary>99th percentile duration in ms (within 2 %).</summary>
    [Id(3)] public double? LatencyP99 { get; init; }

    /// <summary>99th percentile time to first token in ms (within 2 %), null without streams.</summary>
    [Id(4)] public double? TimeToFirstTokenP99 { get; init; }
}
