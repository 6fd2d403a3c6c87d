using System.Collections.Immutable;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Grains.Telemetry;

/// <summary>
/// One host's live telemetry (<see cref="TelemetryWindow"/>), kept in memory: it is a view of the last hour that the
/// gateways rebuild within seconds of a re-activation, not state worth a storage write per second.
/// </summary>
internal sealed class TelemetryGrain(TimeProvider time) : Grain, ITelemetryGrain
{
    private readonly TelemetryWindow _window = new(time);

    public Task ReportAsync(ImmutableArray<TelemetryReport> reports)
    {
        foreach (var report in reports)
        {
            _window.Add(report);
        }

        return Task.CompletedTask;
    }

    public Task<ServiceTelemetry> QueryAsync(TimeSpan window) =>
        Task.FromResult(_window.Query(this.GetPrimaryKeyString(), window < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : window > TelemetryWindow.MaxWindow ? TelemetryWindow.MaxWindow : window));

    public Task<ImmutableArray<ServiceTelemetry>> QuerySeriesAsync(TimeSpan window, TimeSpan step) =>
        Task.FromResult(_window.Series(this.GetPrimaryKeyString(), window, step));
}
