using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Istio's standard request metrics, recorded once per request by the request path (<see cref="RecordRequest"/>),
/// with Istio's names and labels so existing dashboards and alerts work unchanged. Allocation-free per request.
/// </summary>
internal sealed class MeshMetrics
{
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _requestBytes;
    private readonly Histogram<long> _responseBytes;
    private readonly ServiceLabels _services = new();
    private readonly string _workload;
    private readonly string _workloadNamespace;

    public MeshMetrics(IMeterFactory meters, IOptions<TelemetryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(options);
        _workload = options.Value.Workload;
        _workloadNamespace = options.Value.WorkloadNamespace ?? MeshGatewayOptions.DefaultNamespace;
        var meter = meters.Create(MeshMetricNames.MeterName);
        _requests = meter.CreateCounter<long>(MeshMetricNames.RequestsTotal, description: "Requests the gateway handled.");
        _duration = meter.CreateHistogram(
            MeshMetricNames.RequestDuration, "ms", "Request duration.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MeshMetricNames.DurationBuckets });
        _requestBytes = meter.CreateHistogram(
            MeshMetricNames.RequestBytes, "By", "Request body sizes.", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = MeshMetricNames.ByteBuckets });
        _responseBytes = meter.CreateHistogram(
            MeshMetricNames.ResponseBytes, "By", "Response body sizes.", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = MeshMetricNames.ByteBuckets });
    }

    /// <summary>Counts one finished request, its duration and its body sizes.</summary>
    public void RecordRequest(in RequestRecord record)
    {
        if (!_requests.Enabled && !_duration.Enabled)
        {
            return;
        }

        var tags = new MetricTags();
        var labels = Fill(ref tags, record);
        _requests.Add(1, labels);
        _duration.Record(record.Duration.TotalMilliseconds, labels);
        _requestBytes.Record(record.RequestBytes, labels);
        _responseBytes.Record(record.ResponseBytes, labels);
    }

    private ReadOnlySpan<KeyValuePair<string, object?>> Fill(ref MetricTags tags, in RequestRecord record)
    {
        var (serviceName, serviceNamespace) = record.DestinationService is { } host ? _services.Of(host) : (MeshMetricNames.Unknown, MeshMetricNames.Unknown);
        tags[0] = new(MeshMetricNames.Reporter, MeshMetricNames.SourceReporter);
        tags[1] = new(MeshMetricNames.SourceWorkload, _workload);
        tags[2] = new(MeshMetricNames.SourceWorkloadNamespace, _workloadNamespace);
        tags[3] = new(MeshMetricNames.SourcePrincipal, record.SourcePrincipal ?? MeshMetricNames.Unknown);
        tags[4] = new(MeshMetricNames.DestinationService, record.DestinationService ?? MeshMetricNames.Unknown);
        tags[5] = new(MeshMetricNames.DestinationServiceName, serviceName);
        tags[6] = new(MeshMetricNames.DestinationServiceNamespace, serviceNamespace);
        tags[7] = new(MeshMetricNames.DestinationVersion, record.DestinationVersion ?? MeshMetricNames.Unknown);
        tags[8] = new(MeshMetricNames.DestinationWorkload, record.DestinationWorkload ?? MeshMetricNames.Unknown);
        tags[9] = new(MeshMetricNames.DestinationWorkloadNamespace, record.DestinationService is null ? MeshMetricNames.Unknown : serviceNamespace);
        tags[10] = new(MeshMetricNames.DestinationPrincipal, record.DestinationPrincipal ?? MeshMetricNames.Unknown);
        tags[11] = new(MeshMetricNames.RequestProtocol, record.Protocol);
        tags[12] = new(MeshMetricNames.ResponseCode, StatusCodeLabels.Of(record.StatusCode));
        tags[13] = new(MeshMetricNames.ResponseFlags, string.IsNullOrEmpty(record.ResponseFlags) ? MeshMetricNames.NoFlags : record.ResponseFlags);

        // Istio's source reporter cannot see the server's side of the policy unless it made the mTLS connection itself.
        tags[14] = new(MeshMetricNames.ConnectionSecurityPolicy, record.MutualTls ? MeshMetricNames.MutualTls : MeshMetricNames.Unknown);
        return tags;
    }
}
