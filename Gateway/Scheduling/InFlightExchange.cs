using System.Collections.Immutable;
using OrleansMesh.Inference;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// This gateway's side of the in-flight exchange with one pool's grain: numbers its reports, remembers the last few,
/// and tells from a push which of them the grain's sums hold, so the gateway takes exactly its own part out of the
/// sums (its live count replaces it). Reports are taken by one loop; pushes may arrive on any thread, in any order.
/// </summary>
internal sealed class InFlightExchange
{
    // Reports 10 ms apart: the grain's push holds one of the last few unless it lags by more than this many.
    private const int Remembered = 64;
    private readonly Sent?[] _sent = new Sent?[Remembered];
    private readonly Lock _gate = new();
    private long _sequence;
    private Sent? _last;
    private long _lastAt;
    private string _activation = "";
    private long _pushSequence;

    /// <summary>A report of <paramref name="counts"/>, unless they equal the last one sent less than <paramref name="heartbeat"/> ago.</summary>
    public PoolInFlightReport? Take(string gatewayId, ImmutableDictionary<string, int> counts, long now, TimeProvider time, TimeSpan heartbeat)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(time);
        if (_last is { } last && Same(last.Counts, counts) && time.GetElapsedTime(_lastAt, now) < heartbeat)
        {
            return null;
        }

        var sent = new Sent(++_sequence, counts);
        Volatile.Write(ref _sent[sent.Sequence % Remembered], sent);
        Volatile.Write(ref _last, sent);
        _lastAt = now;
        return new PoolInFlightReport { GatewayId = gatewayId, Sequence = sent.Sequence, InFlight = counts };
    }

    /// <summary>
    /// This gateway's counts as the push's sums hold them (empty when they hold none of its reports), or null when the
    /// push is older than one already applied.
    /// </summary>
    public ImmutableDictionary<string, int>? Mine(PoolInFlight push, string gatewayId)
    {
        ArgumentNullException.ThrowIfNull(push);
        lock (_gate)
        {
            if (push.Activation == _activation && push.Sequence <= _pushSequence)
            {
                return null;
            }

            _activation = push.Activation;
            _pushSequence = push.Sequence;
        }

        if (!push.Included.TryGetValue(gatewayId, out var included))
        {
            return ImmutableDictionary<string, int>.Empty;
        }

        // A report too old to be remembered: the latest sent is the closest guess, and the next push corrects it.
        return Volatile.Read(ref _sent[included % Remembered]) is { } sent && sent.Sequence == included
            ? sent.Counts
            : Volatile.Read(ref _last)?.Counts ?? ImmutableDictionary<string, int>.Empty;
    }

    private static bool Same(ImmutableDictionary<string, int> a, ImmutableDictionary<string, int> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || other != value)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Sent(long Sequence, ImmutableDictionary<string, int> Counts);
}
