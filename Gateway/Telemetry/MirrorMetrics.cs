using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Shadow traffic, in metrics of its own so that Istio's series stay the client's: <c>istio_requests_total</c> and
/// its duration histogram count what clients got, never the discarded copies. A mirror's own response code and
/// duration go to <c>orleansmesh_mirror_requests_total</c> and <c>orleansmesh_mirror_request_duration_milliseconds</c>
/// with Istio's label names (<c>destination_service</c> = the shadow's host, <c>destination_version</c> = its
/// subset), so a new model's error rate and latency compare with the primary's by the same queries;
/// copies not sent are counted in <c>orleansmesh_mirror_dropped_total</c> by <c>reason</c>.
/// </summary>
internal sealed class MirrorMetrics
{
    public const string RequestsTotal = "orleansmesh_mirror_requests_total";
    public const string RequestDuration = "orleansmesh_mirror_request_duration_milliseconds";
    public const string DroppedTotal = "orleansmesh_mirror_dropped_total";
    public const string Reason = "reason";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _dropped;

    public MirrorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeshMetricNames.MeterName);
        _requests = meter.CreateCounter<long>(RequestsTotal, description: "Mirrored (shadow) requests whose response was discarded.");
        _duration = meter.CreateHistogram(
            RequestDuration, "ms", "Mirrored request duration, to the last byte of the discarded response.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MeshMetricNames.DurationBuckets });
        _dropped = meter.CreateCounter<long>(DroppedTotal, description: "Mirror copies due but not sent.");
    }

    /// <summary>Counts one finished mirror: its status (0 when no response came) and flags (null for none).</summary>
    public void RecordMirror(string destination, string? subset, int statusCode, string? flags, TimeSpan duration)
    {
        var tags = new TagList
        {
            { MeshMetricNames.DestinationService, destination },
            { MeshMetricNames.DestinationVersion, subset ?? MeshMetricNames.Unknown },
            { MeshMetricNames.ResponseCode, StatusCodeLabels.Of(statusCode) },
            { MeshMetricNames.ResponseFlags, flags ?? MeshMetricNames.NoFlags },
        };
        _requests.Add(1, tags);
        _duration.Record(duration.TotalMilliseconds, tags);
    }

    /// <summary>Counts a copy that was due for <paramref name="destination"/> but not sent.</summary>
    public void RecordDropped(string destination, string reason) =>
        _dropped.Add(1, new KeyValuePair<string, object?>(MeshMetricNames.DestinationService, destination), new KeyValuePair<string, object?>(Reason, reason));
}
