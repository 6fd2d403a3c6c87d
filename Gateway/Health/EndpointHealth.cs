using OrleansMesh.Gateway.Model;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Health;

/// <summary>
/// One endpoint of one destination on this gateway: the outcomes not yet reported (lock-free counters, taken whole by
/// the reporter) and the ejection deadline the destination's outlier detection last set.
/// </summary>
internal sealed class EndpointHealth(string address)
{
    private int _requests;
    private int _serverErrors;
    private int _gatewayErrors;
    private int _trailingServerErrors;
    private int _trailingGatewayErrors;
    private long _ejectedUntil;
    private long _returnedAt;

    /// <summary>The endpoint, <c>address:port</c>.</summary>
    public string Address { get; } = address;

    /// <summary>The timestamp until which the endpoint is out of load balancing (0: in).</summary>
    public long EjectedUntil => Volatile.Read(ref _ejectedUntil);

    public bool IsEjected(long now) => Volatile.Read(ref _ejectedUntil) > now;

    /// <summary>
    /// Since when the endpoint is in service after its last ejection (its deadline, or when the ejection was lifted if
    /// earlier), a future deadline while it is ejected, or 0 when it was never ejected: slow start ramps from here.
    /// </summary>
    public long InServiceSince
    {
        get
        {
            var until = Volatile.Read(ref _ejectedUntil);
            return until != 0 ? until : Volatile.Read(ref _returnedAt);
        }
    }

    /// <summary>Sets the ejection deadline (0: not ejected); <paramref name="now"/> dates a return before the deadline.</summary>
    public void SetEjectedUntil(long deadline, long now)
    {
        var previous = Interlocked.Exchange(ref _ejectedUntil, deadline);
        if (previous != 0 && deadline == 0)
        {
            Volatile.Write(ref _returnedAt, Math.Min(previous, now));
        }
    }

    /// <summary>Counts an attempt's outcome as Envoy's outlier detection does (local-origin failures count as both kinds).</summary>
    public void Record(UpstreamOutcome outcome)
    {
        Interlocked.Increment(ref _requests);
        Count(OutcomeKinds.IsServerError(outcome), ref _serverErrors, ref _trailingServerErrors);
        Count(OutcomeKinds.IsGatewayError(outcome), ref _gatewayErrors, ref _trailingGatewayErrors);
    }

    /// <summary>Takes what was counted since the last call, or null when nothing was.</summary>
    public EndpointOutcomes? Take()
    {
        var requests = Interlocked.Exchange(ref _requests, 0);
        if (requests == 0)
        {
            return null;
        }

        return new EndpointOutcomes
        {
            Address = Address,
            Requests = requests,
            ServerErrors = Interlocked.Exchange(ref _serverErrors, 0),
            GatewayErrors = Interlocked.Exchange(ref _gatewayErrors, 0),
            TrailingServerErrors = Interlocked.Exchange(ref _trailingServerErrors, 0),
            TrailingGatewayErrors = Interlocked.Exchange(ref _trailingGatewayErrors, 0),
        };
    }

    private static void Count(bool error, ref int errors, ref int trailing)
    {
        if (error)
        {
            Interlocked.Increment(ref errors);
            Interlocked.Increment(ref trailing);
        }
        else if (Volatile.Read(ref trailing) != 0)
        {
            Volatile.Write(ref trailing, 0);
        }
    }
}
