namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// What <see cref="MeshMetrics.RecordRequest"/> needs of one finished request. Every string must come from config or
/// a fixed set (never the raw Host header, path or a user id): each distinct value is a time series.
/// </summary>
/// <param name="DestinationService">The destination host from config (<c>reviews.default.svc.cluster.local</c>), or null when no route matched.</param>
/// <param name="DestinationVersion">The subset (Istio's <c>version</c> label) of the endpoint chosen, or null.</param>
/// <param name="DestinationWorkload">The workload of the endpoint chosen (its <c>app</c> label or host), or null.</param>
/// <param name="DestinationPrincipal">The upstream's SPIFFE identity when mTLS is used, or null.</param>
/// <param name="SourcePrincipal">The client's identity (SPIFFE id of a client certificate), or null.</param>
/// <param name="Protocol">The request protocol as Istio names it: <see cref="MeshMetricNames.Http"/> or <see cref="MeshMetricNames.Grpc"/>.</param>
/// <param name="StatusCode">The status the client received (0 when the client left before one was sent).</param>
/// <param name="ResponseFlags">Envoy's response flags the gateway set (<c>UO</c>, <c>URX</c>, <c>NR</c>…), or null for none.</param>
/// <param name="RequestBytes">Request body bytes read from the client.</param>
/// <param name="ResponseBytes">Response body bytes written to the client.</param>
/// <param name="Duration">From the first byte read to the last byte written.</param>
/// <param name="MutualTls">Whether the upstream connection used mutual TLS (<c>connection_security_policy</c>).</param>
internal readonly record struct RequestRecord(
    string? DestinationService,
    string? DestinationVersion,
    string? DestinationWorkload,
    string? DestinationPrincipal,
    string? SourcePrincipal,
    string Protocol,
    int StatusCode,
    string? ResponseFlags,
    long RequestBytes,
    long ResponseBytes,
    TimeSpan Duration,
    bool MutualTls = false);
