using System.Collections.Immutable;

namespace OrleansMesh.Telemetry;

/// <summary>
/// One host's live telemetry for the whole cluster: every gateway's per-second samples, kept in a sliding window (the
/// last 15 minutes at 1 s, the last hour at 1 min), merged on query. Keyed by the host. The base of rollout analysis,
/// <c>meshctl top</c> and the dashboard.
/// </summary>
[Alias("om.ITelemetryGrain")]
public interface ITelemetryGrain : IGrainWithStringKey
{
    /// <summary>Adds a gateway's reports (one per interval; several after the gateway could not reach the grain).</summary>
    [Alias("Report")]
    Task ReportAsync(ImmutableArray<TelemetryReport> reports);

    /// <summary>Everything reported for the last <paramref name="window"/> (1 s to 1 h; over 15 min at minute resolution).</summary>
    [Alias("Query")]
    Task<ServiceTelemetry> QueryAsync(TimeSpan window);

    /// <summary>
    /// The last <paramref name="window"/> (1 s to 15 min) cut into consecutive <paramref name="step"/>s, oldest first:
    /// one answer per step with its subsets only (no endpoints), for charts. At most 900 steps.
    /// </summary>
    [Alias("QuerySeries")]
    Task<ImmutableArray<ServiceTelemetry>> QuerySeriesAsync(TimeSpan window, TimeSpan step);
}
