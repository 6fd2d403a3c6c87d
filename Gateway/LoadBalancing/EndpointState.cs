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
}
