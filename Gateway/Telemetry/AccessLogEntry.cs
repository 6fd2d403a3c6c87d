namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// One request as Envoy's access log describes it (Istio's JSON format field names in <see cref="AccessLogJson"/>).
/// Null fields are written as JSON null.
/// </summary>
/// <param name="StartTime">When the gateway received the request.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query as the client sent them.</param>
/// <param name="Protocol">The client's protocol, e.g. <c>HTTP/1.1</c>.</param>
/// <param name="ResponseCode">The status the client received (0 if none was sent).</param>
/// <param name="ResponseFlags">Envoy's response flags, or null for none (written as <c>-</c>, as Envoy does).</param>
/// <param name="BytesReceived">Request body bytes read.</param>
/// <param name="BytesSent">Response body bytes written.</param>
/// <param name="Duration">From the first byte read to the last byte written.</param>
/// <param name="UpstreamServiceTime">Time spent in the upstream (the last attempt), or null if none was reached.</param>
/// <param name="UpstreamHost">The endpoint of the last attempt (<c>10.0.0.7:9080</c>), or null.</param>
/// <param name="UpstreamCluster">The destination, <c>outbound|port|subset|host</c> as Istio names clusters, or null.</param>
/// <param name="RouteName">The route (VirtualService route name or index), or null.</param>
/// <param name="Authority">The Host header.</param>
/// <param name="ForwardedFor">The <c>X-Forwarded-For</c> header, or null.</param>
/// <param name="UserAgent">The <c>User-Agent</c> header, or null.</param>
/// <param name="RequestId">The <c>X-Request-Id</c> header, or null.</param>
/// <param name="TraceId">The W3C trace id of the request's span, or null.</param>
internal readonly record struct AccessLogEntry(
    DateTimeOffset StartTime,
    string Method,
    string Path,
    string Protocol,
    int ResponseCode,
    string? ResponseFlags,
    long BytesReceived,
    long BytesSent,
    TimeSpan Duration,
    TimeSpan? UpstreamServiceTime,
    string? UpstreamHost,
    string? UpstreamCluster,
    string? RouteName,
    string? Authority,
    string? ForwardedFor,
    string? UserAgent,
    string? RequestId,
    string? TraceId);
