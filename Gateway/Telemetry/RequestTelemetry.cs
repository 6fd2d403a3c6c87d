using Microsoft.Net.Http.Headers;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// The request path's one call for metrics and the access log: <see cref="Start"/> when a request arrives,
/// <see cref="Complete"/> when its response is done. What the mesh decided (destination, subset, endpoint, route,
/// flags) is passed in; the rest is read from the <see cref="HttpContext"/>.
/// </summary>
internal sealed class RequestTelemetry
{
    private readonly MeshMetrics _metrics;
    private readonly AccessLog _accessLog;
    private readonly TimeProvider _time;
    private readonly LiveTelemetry _live;

    public RequestTelemetry(MeshMetrics metrics, AccessLog accessLog, TimeProvider time, LiveTelemetry live)
    {
        ArgumentNullException.ThrowIfNull(live);
        _live = live;
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(accessLog);
        ArgumentNullException.ThrowIfNull(time);
        _metrics = metrics;
        _accessLog = accessLog;
        _time = time;
    }

    /// <summary>A timestamp to pass to <see cref="Complete"/>.</summary>
    public long Start() => _time.GetTimestamp();

    /// <summary>Records the finished request in Istio's metrics and, when enabled, the access log.</summary>
    /// <param name="context">The request, its response sent.</param>
    /// <param name="started">From <see cref="Start"/>.</param>
    /// <param name="destination">The destination host from config (never the raw Host header), or null when none was routed to.</param>
    /// <param name="subset">The subset of the endpoint chosen, or null.</param>
    /// <param name="endpoint">The last endpoint tried (<c>address:port</c>), or null.</param>
    /// <param name="route">The route name, or null.</param>
    /// <param name="flags">Envoy's response flags, or null to take them from the <c>x-mesh-response-flags</c> header the gateway set.</param>
    /// <param name="upstreamTime">Time in the upstream (the last attempt), or null if none was reached.</param>
    /// <param name="requestBytes">Request body bytes read, or null for the Content-Length (0 when unknown).</param>
    /// <param name="responseBytes">Response body bytes written, or null for the count of a chunked response, else the Content-Length (0 when none).</param>
    /// <param name="timeToFirstToken">A streamed model response's time to first token, or null.</param>
    /// <param name="inputTokens">Prompt tokens the model server reported, or 0.</param>
    /// <param name="outputTokens">Completion tokens the model server reported, or 0.</param>
    public void Complete(
        HttpContext context,
        long started,
        string? destination,
        string? subset,
        string? endpoint,
        string? route,
        string? flags = null,
        TimeSpan? upstreamTime = null,
        long? requestBytes = null,
        long? responseBytes = null,
        TimeSpan? timeToFirstToken = null,
        long inputTokens = 0,
        long outputTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        var duration = _time.GetElapsedTime(started);
        flags ??= response.Headers[MeshErrorResponses.FlagsHeader] is { Count: > 0 } header ? header.ToString() : null;
        var received = requestBytes ?? request.ContentLength ?? 0;
        var sent = responseBytes ?? context.Features.Get<CountingResponseStream>()?.Written ?? response.ContentLength ?? 0;
        var status = context.RequestAborted.IsCancellationRequested && !response.HasStarted ? 0 : response.StatusCode;
        var protocol = request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) ? MeshMetricNames.Grpc : MeshMetricNames.Http;

        _metrics.RecordRequest(new RequestRecord(destination, subset, null, null, null, protocol, status, flags, received, sent, duration));
        if (destination is not null)
        {
            _live.Record(destination, subset, endpoint, status, flags, duration, timeToFirstToken, inputTokens, outputTokens);
        }

        if (_accessLog.Enabled)
        {
            var headers = request.Headers;
            _accessLog.Log(new AccessLogEntry(
                _time.GetUtcNow() - duration,
                request.Method,
                request.Path.Value + request.QueryString.Value,
                request.Protocol,
                status,
                flags,
                received,
                sent,
                duration,
                upstreamTime,
                endpoint,
                destination is null ? null : $"outbound||{subset}|{destination}",
                route,
                request.Host.Value,
                Header(headers, "X-Forwarded-For"),
                Header(headers, HeaderNames.UserAgent),
                Header(headers, "X-Request-Id"),
                MeshTracing.TraceId(context)));
        }
    }

    private static string? Header(IHeaderDictionary headers, string name) => headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
