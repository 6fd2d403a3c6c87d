using System.Diagnostics.Metrics;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// <c>orleansmesh_downstream_framing_errors_total{reason}</c>: request heads refused by the framing check, by the
/// <c>code</c> of the answer. They never reach the request path, so Istio's request metrics cannot count them;
/// a request refused for its body is there, as 400 with flag <c>DPE</c>.
/// </summary>
internal sealed class FramingMetrics
{
    public const string ErrorsTotal = "orleansmesh_downstream_framing_errors_total";
    public const string Reason = "reason";

    private readonly Counter<long> _errors;

    public FramingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _errors = meters.Create(MeshMetricNames.MeterName).CreateCounter<long>(ErrorsTotal, description: "Requests refused for their HTTP/1.x framing.");
    }

    public void Record(string code) => _errors.Add(1, new KeyValuePair<string, object?>(Reason, code));
}
