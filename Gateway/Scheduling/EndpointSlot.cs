using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Inference;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// One model server of a pool as this gateway sees it: the load last pushed by the pool's grain (with when it arrived)
/// and the requests this gateway sent it since then and since its last report. Written by the push and the request
/// path without locks; outlives snapshots, like the endpoint's in-flight counter.
/// </summary>
internal sealed class EndpointSlot(string endpoint, int number)
{
    private EndpointLoad? _load;
    private long _receivedAt;
    private int _sincePush;
    private int _sinceReport;
    private int _others;
    private long _othersAt;
    private EndpointState? _state;

    /// <summary><c>address:port</c>.</summary>
    public string Endpoint { get; } = endpoint;

    /// <summary>The slot's number in its pool's prefix index.</summary>
    public int Number { get; } = number;

    public EndpointLoad? Load => Volatile.Read(ref _load);

    /// <summary>When <see cref="Load"/> arrived (a <see cref="TimeProvider"/> timestamp), 0 before any.</summary>
    public long ReceivedAt => Volatile.Read(ref _receivedAt);

    /// <summary>Requests this gateway sent since the last push: not yet in any pushed figure.</summary>
    public int SincePush => Volatile.Read(ref _sincePush);

    public void Apply(EndpointLoad load, long now)
    {
        Volatile.Write(ref _load, load);
        Volatile.Write(ref _receivedAt, now);

        // The push counts what the gateways reported up to a report interval ago; what this gateway sent after its
        // last report is dropped from the local count a little early, and the next push has it.
        Interlocked.Exchange(ref _sincePush, 0);
    }

    public void OnDispatched()
    {
        Interlocked.Increment(ref _sincePush);
        Interlocked.Increment(ref _sinceReport);
    }

    public int TakeReported() => Interlocked.Exchange(ref _sinceReport, 0);

    /// <summary>The endpoint's live in-flight counter in this gateway (set when a snapshot is compiled).</summary>
    public void Bind(EndpointState state) => Volatile.Write(ref _state, state);

    /// <summary>Requests this gateway has in flight to the endpoint now.</summary>
    public int InFlightNow => Volatile.Read(ref _state)?.InFlight ?? 0;

    /// <summary>Requests the other gateways have in flight to the endpoint, from the pool's latest in-flight push.</summary>
    public void SetOthers(int others, long now)
    {
        Volatile.Write(ref _others, others);
        Volatile.Write(ref _othersAt, now);
    }

    /// <summary>
    /// Requests in flight to the endpoint through every gateway: this gateway's live count plus the others' from the
    /// latest in-flight push (a push interval and a hop old), or only its own when that push is older than
    /// <paramref name="staleAfter"/>.
    /// </summary>
    public int ClusterInFlight(TimeProvider time, long clock, TimeSpan staleAfter)
    {
        ArgumentNullException.ThrowIfNull(time);
        var at = Volatile.Read(ref _othersAt);
        return InFlightNow + (at != 0 && time.GetElapsedTime(at, clock) < staleAfter ? Volatile.Read(ref _others) : 0);
    }

    /// <summary>
    /// The queue the picker scores <paramref name="load"/> by. Cluster-wide: the scraped waiting requests, or, when
    /// more are in flight through all gateways (<paramref name="clusterInFlight"/>) than the scrape saw running, that
    /// excess; a request that finished counts no more, and none counts twice. Local only: the scraped waiting plus
    /// this gateway's sends since the push.
    /// </summary>
    public int Queue(EndpointLoad load, bool clusterWide, int clusterInFlight)
    {
        ArgumentNullException.ThrowIfNull(load);
        return clusterWide ? Math.Max(load.Waiting, clusterInFlight - load.Running) : load.Waiting + SincePush;
    }
}
