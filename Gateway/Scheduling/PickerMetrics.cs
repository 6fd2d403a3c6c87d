using System.Diagnostics.Metrics;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary><c>orleansmesh_picker_picks_total{pool, reason}</c>: the picker's decisions, fail-open ones included.</summary>
internal sealed class PickerMetrics
{
    public const string MeterName = "OrleansMesh.Gateway";

    private readonly Counter<long> _picks;

    public PickerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _picks = meters.Create(MeterName).CreateCounter<long>("orleansmesh.picker.picks", description: "Endpoints picked for InferencePool requests, by reason.");
    }

    public void Picked(string pool, PickReason reason) =>
        _picks.Add(1, new KeyValuePair<string, object?>("pool", pool), new KeyValuePair<string, object?>("reason", reason switch
        {
            PickReason.Scored => "scored",
            PickReason.AllSaturated => "all_saturated",
            _ => "fail_open",
        }));
}
