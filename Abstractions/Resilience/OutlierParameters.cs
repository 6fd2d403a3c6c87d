using OrleansMesh.Networking;

namespace OrleansMesh.Resilience;

/// <summary>An <see cref="OutlierDetection"/> with every default filled in (<see cref="OutlierDetectionDefaults"/>).</summary>
internal sealed record OutlierParameters(
    int Consecutive5xxErrors,
    int ConsecutiveGatewayErrors,
    TimeSpan Interval,
    TimeSpan BaseEjectionTime,
    TimeSpan MaxEjectionTime,
    int MaxEjectionPercent,
    int MinHealthPercent)
{
    public static OutlierParameters From(OutlierDetection settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseTime = Positive(settings.BaseEjectionTime) ?? OutlierDetectionDefaults.BaseEjectionTime;
        return new OutlierParameters(
            Math.Max(settings.Consecutive5xxErrors ?? OutlierDetectionDefaults.Consecutive5xxErrors, 0),
            Math.Max(settings.ConsecutiveGatewayErrors ?? OutlierDetectionDefaults.ConsecutiveGatewayErrors, 0),
            Positive(settings.Interval) ?? OutlierDetectionDefaults.Interval,
            baseTime,
            baseTime > OutlierDetectionDefaults.MaxEjectionTime ? baseTime : OutlierDetectionDefaults.MaxEjectionTime,
            // Istio only passes a positive maxEjectionPercent to Envoy (applyOutlierDetection: "if outlier.MaxEjectionPercent > 0").
            settings.MaxEjectionPercent is > 0 and var max ? Math.Min(max, 100) : OutlierDetectionDefaults.MaxEjectionPercent,
            Math.Clamp(settings.MinHealthPercent ?? OutlierDetectionDefaults.MinHealthPercent, 0, 100));
    }

    /// <summary>The ejection time for a multiplier: base × multiplier, never above the maximum.</summary>
    public TimeSpan EjectionTime(int multiplier)
    {
        var ticks = Math.Min((double)BaseEjectionTime.Ticks * multiplier, MaxEjectionTime.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan? Positive(TimeSpan? span) => span > TimeSpan.Zero ? span : null;
}
