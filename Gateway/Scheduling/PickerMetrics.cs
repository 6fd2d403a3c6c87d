using System.Diagnostics.Metrics;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// <c>orleansmesh_picker_picks_total{pool, reason}</c>: the picker's decisions, fail-open ones included;
/// <c>orleansmesh_picker_shed_total{pool}</c>: requests flow control shed.
/// </summary>
internal sealed class PickerMetrics
{
    public const string MeterName = "OrleansMesh.Gateway";

    private readonly Counter<long> _picks;
    private readonly Counter<long> _shed;

    public PickerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _picks = meter.CreateCounter<long>("orleansmesh.picker.picks", description: "Endpoints picked for InferencePool requests, by reason.");
        _shed = meter.CreateCounter<long>("orleansmesh.picker.shed", description: "InferencePool requests shed by flow control (429 or 503).");
    }

    public void Shed(string pool) => _shed.Add(1, new KeyValuePair<string, object?>("pool", pool));

    public void Picked(string pool, PickReason reason) =>
        _picks.Add(1, new KeyValuePair<string, object?>("pool", pool), new KeyValuePair<string, object?>("reason", reason switch
        {
            PickReason.Scored => "scored",
            PickReason.AllSaturated => "all_saturated",
            _ => "fail_open",
        }));
}
