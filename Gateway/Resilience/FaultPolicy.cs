using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// A route's <c>fault</c>, as Envoy's fault filter applies it: first the delay, then the abort, each drawn on its
/// own with its <c>percentage</c> (missing means 100 %). <c>abort.grpcStatus</c> is not supported (HTTP only).
/// </summary>
internal sealed class FaultPolicy
{
    private FaultPolicy(TimeSpan delay, double delayPercent, int abortStatus, double abortPercent)
    {
        Delay = delay;
        DelayPercent = delayPercent;
        AbortStatus = abortStatus;
        AbortPercent = abortPercent;
    }

    public TimeSpan Delay { get; }

    /// <summary>Share of requests delayed, 0 to 100; 0 when the route has no delay.</summary>
    public double DelayPercent { get; }

    /// <summary>The status of an aborted request; 0 when the route has no abort.</summary>
    public int AbortStatus { get; }

    /// <summary>Share of requests aborted, 0 to 100; 0 when the route has no abort.</summary>
    public double AbortPercent { get; }

    public static FaultPolicy? Create(HttpFaultInjection? fault)
    {
        var delay = fault?.Delay is { FixedDelay: var fixedDelay } d && fixedDelay > TimeSpan.Zero ? d : null;
        var abort = fault?.Abort is { HttpStatus: >= 200 and <= 599 } a ? a : null;
        if (delay is null && abort is null)
        {
            return null;
        }

        return new FaultPolicy(
            delay?.FixedDelay ?? TimeSpan.Zero,
            delay is null ? 0 : Share(delay.Percentage),
            abort?.HttpStatus ?? 0,
            abort is null ? 0 : Share(abort.Percentage));
    }

    /// <summary>Whether this request is delayed, from a roll uniform in [0, 1).</summary>
    public bool ShouldDelay(double roll) => roll * 100 < DelayPercent;

    /// <summary>Whether this request is aborted, from a roll uniform in [0, 1).</summary>
    public bool ShouldAbort(double roll) => roll * 100 < AbortPercent;

    private static double Share(Percent? percentage) => Math.Clamp(percentage?.Value ?? 100, 0, 100);
}
