namespace OrleansMesh.Rollouts;

/// <summary>Flagger's <c>thresholdRange</c>: a value passes when it is at least <see cref="Min"/> and at most <see cref="Max"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.ThresholdRange")]
public sealed record ThresholdRange
{
    /// <summary>The lowest passing value, if bounded below.</summary>
    [Id(0)] public double? Min { get; init; }

    /// <summary>The highest passing value, if bounded above.</summary>
    [Id(1)] public double? Max { get; init; }

    /// <summary>Whether <paramref name="value"/> is in range.</summary>
    public bool Contains(double value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);

    /// <inheritdoc />
    public override string ToString() => (Min, Max) switch
    {
        ({ } min, { } max) => $"[{min}, {max}]",
        ({ } min, null) => $">= {min}",
        (null, { } max) => $"<= {max}",
        _ => "any",
    };
}
