namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Istio's standard metric and label names and bucket boundaries (istio.io, "Istio Standard Metrics"), so dashboards
/// and alerts written for Istio work unchanged, plus the mesh-state metrics of this gateway.
/// </summary>
internal static class MeshMetricNames
{
    public const string MeterName = "OrleansMesh.Gateway";

    /// <summary>The runtime's process metrics (<c>dotnet.gc.*</c>, <c>dotnet.process.*</c>, <c>dotnet.thread_pool.*</c>), exported too.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    public const string RequestsTotal = "istio_requests_total";
    public const string RequestDuration = "istio_request_duration_milliseconds";
    public const string RequestBytes = "istio_request_bytes";
    public const string ResponseBytes = "istio_response_bytes";

    /// <summary>Istio reports this from istiod; here each gateway reports the delay of its own snapshot swaps.</summary>
    public const string ConvergenceTime = "pilot_proxy_convergence_time";

    public const string ConfigGeneration = "orleansmesh_gateway_config_generation";
    public const string BreakerState = "orleansmesh_breaker_state";
    public const string EjectedEndpoints = "orleansmesh_ejected_endpoints";
    public const string AccessLogDropped = "orleansmesh_access_log_dropped";
    public const string RateLimitTokens = "orleansmesh_rate_limit_tokens";
    public const string CertificateExpiry = "orleansmesh_workload_cert_expiry_timestamp_seconds";
    public const string Limit = "limit";
    public const string Principal = "principal";

    public const string Reporter = "reporter";
    public const string SourceWorkload = "source_workload";
    public const string SourceWorkloadNamespace = "source_workload_namespace";
    public const string SourcePrincipal = "source_principal";
    public const string DestinationService = "destination_service";
    public const string DestinationServiceName = "destination_service_name";
    public const string DestinationServiceNamespace = "destination_service_namespace";
    public const string DestinationVersion = "destination_version";
    public const string DestinationWorkload = "destination_workload";
    public const string DestinationWorkloadNamespace = "destination_workload_namespace";
    public const string DestinationPrincipal = "destination_principal";
    public const string RequestProtocol = "request_protocol";
    public const string ResponseCode = "response_code";
    public const string ResponseFlags = "response_flags";
    public const string ConnectionSecurityPolicy = "connection_security_policy";
    public const string Destination = "destination";

    /// <summary>An ingress gateway is the client side of the hop it reports, so Istio labels it <c>source</c>.</summary>
    public const string SourceReporter = "source";

    /// <summary>Istio's value for a label it cannot fill.</summary>
    public const string Unknown = "unknown";

    /// <summary>Envoy's <c>%RESPONSE_FLAGS%</c> when no flag is set.</summary>
    public const string NoFlags = "-";

    public const string MutualTls = "mutual_tls";
    public const string Http = "http";
    public const string Grpc = "grpc";

    /// <summary>Istio's buckets of <c>istio_request_duration_milliseconds</c>.</summary>
    public static readonly double[] DurationBuckets = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

    /// <summary>Istio's buckets of <c>istio_request_bytes</c> and <c>istio_response_bytes</c>: powers of ten up to 100 MB.</summary>
    public static readonly long[] ByteBuckets = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

    /// <summary>Istio's buckets of <c>pilot_proxy_convergence_time</c>, in seconds.</summary>
    public static readonly double[] ConvergenceBuckets = [0.1, 0.5, 1, 3, 5, 10, 20, 30];
}
