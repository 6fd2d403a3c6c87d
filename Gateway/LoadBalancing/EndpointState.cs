using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// Live counters of one endpoint. Outlives config snapshots (a snapshot swap must not reset in-flight counts),
/// so it is looked up by address when a snapshot is compiled, never per request.
/// </summary>
internal sealed class EndpointState
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    public void OnRequestStarted() => Interlocked.Increment(ref _inFlight);

    public void OnRequestFinished() => Interlocked.Decrement(ref _inFlight);

    /// <summary>
    /// The end of every attempt sent to this endpoint, retries included, with how it went: the one place where
    /// per-endpoint outcomes are seen (outlier detection and breaker reporting hook in here).
    /// </summary>
    /// <param name="outcome">How the attempt ended.</param>
    /// <param name="statusCode">The upstream's status, or 0 when it gave none.</param>
    public void OnRequestFinished(UpstreamOutcome outcome, int statusCode)
    {
        _ = outcome;
        _ = statusCode;
        OnRequestFinished();
    }
}
