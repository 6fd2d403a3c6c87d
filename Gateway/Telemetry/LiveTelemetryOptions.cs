using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>Live telemetry sent to the cluster's telemetry grains (<c>OrleansMesh:Gateway:LiveTelemetry</c>).</summary>
internal sealed class LiveTelemetryOptions
{
    public const string SectionName = "OrleansMesh:Gateway:LiveTelemetry";

    /// <summary>Whether the gateway reports at all. Default true; rollouts and <c>meshctl top</c> need it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the gateway reports, the resolution of the grains' window. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Intervals kept per host while its grain cannot be reached, sent together when it can; older ones are dropped.
    /// Default 60.
    /// </summary>
    [Range(1, 3600)]
    public int MaxPendingIntervals { get; set; } = 60;

    /// <summary>Intervals without a request after which a destination's counters are forgotten. Default 600.</summary>
    [Range(1, 86_400)]
    public int ForgetIdleAfter { get; set; } = 600;
}
