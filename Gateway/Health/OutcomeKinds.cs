using OrleansMesh.Gateway.Model;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Health;

/// <summary>How an attempt's outcome counts for breakers and outlier detection.</summary>
internal static class OutcomeKinds
{
    /// <summary>The client left or the gateway itself declined: says nothing about the destination.</summary>
    public static bool IsCounted(UpstreamOutcome outcome) => outcome is not (UpstreamOutcome.Cancelled or UpstreamOutcome.Rejected);

    /// <summary>Envoy's <c>consecutive_5xx</c>: any 5xx, and local-origin failures (Istio does not split them out).</summary>
    public static bool IsServerError(UpstreamOutcome outcome) => outcome is UpstreamOutcome.ServerError || IsGatewayError(outcome);

    /// <summary>Envoy's <c>consecutive_gateway_failure</c>: 502, 503, 504 and local-origin failures.</summary>
    public static bool IsGatewayError(UpstreamOutcome outcome) =>
        outcome is UpstreamOutcome.GatewayError or UpstreamOutcome.ConnectFailure or UpstreamOutcome.Reset or UpstreamOutcome.Timeout;

    /// <summary>Whether a breaker with <paramref name="failOn"/> counts <paramref name="outcome"/> as a failure.</summary>
    public static bool IsFailure(UpstreamOutcome outcome, FailureConditions failOn) => outcome switch
    {
        UpstreamOutcome.ServerError => failOn.HasFlag(FailureConditions.ServerError),
        UpstreamOutcome.GatewayError => (failOn & (FailureConditions.ServerError | FailureConditions.GatewayError)) != 0,
        UpstreamOutcome.ConnectFailure => failOn.HasFlag(FailureConditions.ConnectFailure),
        UpstreamOutcome.Reset => failOn.HasFlag(FailureConditions.Reset),
        UpstreamOutcome.Timeout => failOn.HasFlag(FailureConditions.Timeout),
        _ => false,
    };
}
