using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// The outcome of a whole forwarded request, after fault injection, limits and retries: what the client is told (an
/// upstream's answer, already on its way, or the mesh's <see cref="Rejection"/>, for the request path to write).
/// <see cref="Attempts"/> is 0 when no attempt reached an upstream (fault abort, overflow, no endpoint).
/// </summary>
/// <param name="Outcome">The last attempt's outcome, or the reason no attempt was made.</param>
/// <param name="StatusCode">The status the client received.</param>
/// <param name="Attempts">Upstream attempts made, the first included.</param>
/// <param name="Flags">Envoy's response flags the gateway set (e.g. <c>UO</c>, <c>FI</c>, <c>URX</c>), or null.</param>
internal readonly record struct ForwardResult(UpstreamOutcome Outcome, int StatusCode, int Attempts, string? Flags)
{
    /// <summary>The mesh's refusal, not written yet; null when the client got an upstream's answer (or left).</summary>
    public Rejection? Rejection { get; init; }

    /// <summary>The destination chosen, when the request got that far.</summary>
    public UpstreamCluster? Cluster { get; init; }

    /// <summary>The endpoint of the last attempt, when one was made.</summary>
    public UpstreamEndpoint? Endpoint { get; init; }

    /// <summary>The breaker's word on the request, when the destination has one.</summary>
    public Admission Admission { get; init; }

    /// <summary>A refusal: its status and flags as <see cref="RejectionAnswer"/> gives them.</summary>
    public static ForwardResult Refused(Rejection rejection, UpstreamOutcome outcome = UpstreamOutcome.Rejected, int attempts = 0) =>
        new(outcome, RejectionAnswer.Of(rejection).Status, attempts, RejectionAnswer.Flags(rejection)) { Rejection = rejection };
}
