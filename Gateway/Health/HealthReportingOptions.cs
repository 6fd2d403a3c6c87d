using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.Health;

/// <summary>How the gateway shares outcomes with the health grains (section <c>OrleansMesh:Gateway:Health</c>).</summary>
internal sealed class HealthReportingOptions
{
    public const string SectionName = "OrleansMesh:Gateway:Health";

    /// <summary>
    /// How often successes are batched to the grains: at most one report per destination and interval while only
    /// successes come, none while nothing does. Default: 100 ms. Failures and probe outcomes do not wait for it: they
    /// are sent as soon as the previous report of their destination has been answered.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a report or probe request may take before the gateway counts the control plane as lost and
    /// enforces its local fallback (degraded mode). Default: 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
