using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>Envoy's fault filter: a route's <c>fault</c> delays and aborts a share of its requests.</summary>
internal static class FaultInjection
{
    /// <summary>Whether this request is to be delayed by <see cref="FaultPolicy.Delay"/>.</summary>
    public static bool Delays(FaultPolicy? fault) => fault is { DelayPercent: > 0 } f && f.ShouldDelay(Random.Shared.NextDouble());

    /// <summary>The abort of this request, or null to let it through.</summary>
    public static Rejection? Abort(FaultPolicy? fault, bool delayed) =>
        fault is { AbortPercent: > 0 } f && f.ShouldAbort(Random.Shared.NextDouble())
            ? new Rejection(RejectionKind.FaultAbort, "fault filter abort") { StatusCode = f.AbortStatus, Delayed = delayed }
            : null;
}
