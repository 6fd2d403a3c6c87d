using System.Collections.Concurrent;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Cumulative counters of one destination (host, subset, endpoint) on this gateway: requests by class, a latency and a
/// time-to-first-token histogram in <see cref="LatencySketch"/>'s buckets, tokens. Recorded with interlocked adds
/// (no lock, no allocation once the destination's flags were seen); <see cref="TakeDelta"/> turns what was added since
/// the last call into a <see cref="DestinationSample"/>. Counters only grow, so a request recorded while a delta is
/// taken lands in this delta or the next, never in neither.
/// </summary>
internal sealed class DestinationCounters(string host, string subset, string endpoint)
{
    private readonly long[] _latency = new long[LatencySketch.BucketCount];
    private readonly long[] _ttft = new long[LatencySketch.BucketCount];
    private readonly long[] _latencyTaken = new long[LatencySketch.BucketCount];
    private readonly long[] _ttftTaken = new long[LatencySketch.BucketCount];
    private readonly ConcurrentDictionary<string, Counter> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _flagsTaken = new(StringComparer.Ordinal);
    private Totals _totals;
    private Totals _taken;

    /// <summary>Deltas taken in a row that held no request (the reporter forgets destinations idle for long).</summary>
    public int IdleTakes { get; private set; }

    public void Record(int statusCode, string? flags, TimeSpan duration, TimeSpan? timeToFirstToken, long inputTokens, long outputTokens)
    {
        Interlocked.Increment(ref _totals.Requests);
        switch (statusCode)
        {
            case 0:
                Interlocked.Increment(ref _totals.Cancelled);
                break;
            case >= 500:
                Interlocked.Increment(ref _totals.ServerErrors);
                break;
            case >= 400:
                Interlocked.Increment(ref _totals.ClientErrors);
                break;
            default:
                Interlocked.Increment(ref _totals.Success);
                break;
        }

        Interlocked.Increment(ref _latency[LatencySketch.BucketOf(duration.TotalMilliseconds)]);
        if (timeToFirstToken is { } ttft)
        {
            Interlocked.Increment(ref _ttft[LatencySketch.BucketOf(ttft.TotalMilliseconds)]);
        }

        if (inputTokens > 0)
        {
            Interlocked.Add(ref _totals.InputTokens, inputTokens);
        }

        if (outputTokens > 0)
        {
            Interlocked.Add(ref _totals.OutputTokens, outputTokens);
        }

        if (flags is not null)
        {
            Interlocked.Increment(ref _flags.GetOrAdd(flags, static _ => new Counter()).Value);
        }
    }

    /// <summary>What was recorded since the previous call, or null when nothing was. One caller at a time.</summary>
    public DestinationSample? TakeDelta()
    {
        var now = Read(ref _totals);
        if (now.Requests == _taken.Requests)
        {
            IdleTakes++;
            return null;
        }

        IdleTakes = 0;
        var flags = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (flag, counter) in _flags)
        {
            var total = Volatile.Read(ref counter.Value);
            var delta = total - _flagsTaken.GetValueOrDefault(flag);
            if (delta > 0)
            {
                flags[flag] = delta;
                _flagsTaken[flag] = total;
            }
        }

        var sample = new DestinationSample
        {
            Host = host,
            Subset = subset,
            Endpoint = endpoint,
            Requests = now.Requests - _taken.Requests,
            Success = now.Success - _taken.Success,
            ClientErrors = now.ClientErrors - _taken.ClientErrors,
            ServerErrors = now.ServerErrors - _taken.ServerErrors,
            Cancelled = now.Cancelled - _taken.Cancelled,
            InputTokens = now.InputTokens - _taken.InputTokens,
            OutputTokens = now.OutputTokens - _taken.OutputTokens,
            Flags = flags.Count == 0 ? System.Collections.Immutable.ImmutableDictionary<string, long>.Empty : System.Collections.Immutable.ImmutableDictionary.CreateRange(StringComparer.Ordinal, flags),
            Latency = Delta(_latency, _latencyTaken),
            TimeToFirstToken = Delta(_ttft, _ttftTaken),
        };
        _taken = now;
        return sample;
    }

    private static LatencySketch Delta(long[] totals, long[] taken)
    {
        Span<long> delta = stackalloc long[LatencySketch.BucketCount];
        for (var i = 0; i < totals.Length; i++)
        {
            var total = Volatile.Read(ref totals[i]);
            delta[i] = total - taken[i];
            taken[i] = total;
        }

        return LatencySketch.FromBuckets(delta);
    }

    private static Totals Read(ref Totals totals) => new()
    {
        Requests = Volatile.Read(ref totals.Requests),
        Success = Volatile.Read(ref totals.Success),
        ClientErrors = Volatile.Read(ref totals.ClientErrors),
        ServerErrors = Volatile.Read(ref totals.ServerErrors),
        Cancelled = Volatile.Read(ref totals.Cancelled),
        InputTokens = Volatile.Read(ref totals.InputTokens),
        OutputTokens = Volatile.Read(ref totals.OutputTokens),
    };

    private struct Totals
    {
        public long Requests;
        public long Success;
        public long ClientErrors;
        public long ServerErrors;
        public long Cancelled;
        public long InputTokens;
        public long OutputTokens;
    }

    private sealed class Counter
    {
        public long Value;
    }
}
