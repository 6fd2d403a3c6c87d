using System.ComponentModel.DataAnnotations;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>Metrics and traces of a gateway, from the <c>OrleansMesh:Gateway:Telemetry</c> section.</summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = MeshGatewayOptions.SectionName + ":Telemetry";

    /// <summary>
    /// This gateway's <c>source_workload</c> label. Default: <c>istio-ingressgateway</c>, the name Istio's dashboards
    /// expect of an ingress gateway. Env: <c>OrleansMesh__Gateway__Telemetry__Workload</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Workload { get; set; } = "istio-ingressgateway";

    /// <summary>
    /// This gateway's <c>source_workload_namespace</c> label. Default: the gateway's namespace
    /// (<c>OrleansMesh:Gateway:Namespace</c>, itself <c>istio-system</c> by default).
    /// </summary>
    public string? WorkloadNamespace { get; set; }

    /// <summary>
    /// Whether spans are made and exported. Default: on when an OTLP endpoint is set (<see cref="OtlpEndpoint"/> or
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), else off: spans nobody receives cost the request path for nothing.
    /// </summary>
    public bool? Tracing { get; set; }

    /// <summary>
    /// The share of new traces sampled (a request whose client sampled its trace is always traced, and one whose client
    /// did not is not). Default: 0.01, Istio's default of 1%. Env: <c>OrleansMesh__Gateway__Telemetry__SamplingRatio</c>.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SamplingRatio { get; set; } = 0.01;

    /// <summary>
    /// The OTLP collector metrics and traces are pushed to (e.g. <c>http://otel-collector:4317</c>). Default: none,
    /// unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; <c>/metrics</c> on the admin port serves Prometheus either way.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }
}
