namespace OrleansMesh.Rollouts;

/// <summary>One metric of one check: its value (null without data, which neither passes nor fails) against its range.</summary>
[GenerateSerializer, Immutable, Alias("om.RolloutMetricResult")]
public sealed record RolloutMetricResult
{
    /// <summary>The metric's name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The measured value, or null when the window had no data for it (e.g. no streams for TTFT).</summary>
    [Id(1)] public double? Value { get; init; }

    /// <summary>The range it was checked against.</summary>
    [Id(2)] public ThresholdRange Range { get; init; } = new();

    /// <summary>Whether the value was out of range.</summary>
    public bool Failed => Value is { } value && !Range.Contains(value);
}
