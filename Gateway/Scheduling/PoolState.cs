using System.Collections.Concurrent;
using System.Collections.Immutable;
using OrleansMesh.Inference;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// Everything this gateway knows about one InferencePool between snapshots: a slot per member, the prefix index, the
/// prefix hints and dispatch counts not yet reported, and when the grain last pushed. The request path only reads it
/// and bumps counters; pushes and reports run beside it.
/// </summary>
internal sealed class PoolState
{
    private const int MaxPendingHints = 4096;
    private readonly ConcurrentDictionary<string, EndpointSlot> _slots = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PrefixHint> _hints = new();
    private readonly TimeProvider _time;
    private int _pendingHints;
    private int _nextNumber;
    private long _lastPush;
    private ImmutableArray<string> _members = [];
    private PoolLoad? _last;

    private readonly InferencePickerOptions _options;
    private readonly InFlightExchange _inFlight = new();

    public PoolState(string host, InferencePickerOptions options, TimeProvider time)
    {
        Host = host;
        _options = options;
        Prefixes = new PrefixIndex(options.PrefixIndexSize);
        Flow = new FlowQueue(options.QueueCapacity);
        _time = time;
    }

    /// <summary>Requests waiting for the pool to have room again (flow control).</summary>
    public FlowQueue Flow { get; }

    /// <summary>The pool host, <c>NAME.NAMESPACE.inferencepool</c>: the grain's key.</summary>
    public string Host { get; }

    public PrefixIndex Prefixes { get; }

    /// <summary>When the grain last pushed (a timestamp), 0 before the first push.</summary>
    public long LastPush => Volatile.Read(ref _lastPush);

    /// <summary>The latest push, for the admin endpoint and <c>meshctl describe pool</c>.</summary>
    public PoolLoad? Last => Volatile.Read(ref _last);

    /// <summary>The members in the served snapshot, <c>address:port</c>.</summary>
    public ImmutableArray<string> Members => _members;

    /// <summary>The slot of <paramref name="endpoint"/>, made on first use (when a snapshot is compiled, not per request).</summary>
    public EndpointSlot Slot(string endpoint) =>
        _slots.GetOrAdd(endpoint, e => new EndpointSlot(e, Interlocked.Increment(ref _nextNumber) - 1));

    /// <summary>Keeps the members of the snapshot being served, and only their slots.</summary>
    public void Retain(ImmutableArray<string> members)
    {
        _members = members;
        var keep = members.ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in _slots.Keys)
        {
            if (!keep.Contains(endpoint))
            {
                _slots.TryRemove(endpoint, out _);
            }
        }
    }

    public void Apply(PoolLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = _time.GetTimestamp();
        foreach (var endpoint in load.Endpoints.IsDefault ? [] : load.Endpoints)
        {
            if (_slots.TryGetValue(endpoint.Endpoint, out var slot))
            {
                slot.Apply(endpoint, now);
            }
        }

        foreach (var hint in load.Prefixes.IsDefault ? [] : load.Prefixes)
        {
            if (_slots.TryGetValue(hint.Endpoint, out var slot))
            {
                Prefixes.Record(hint.Block, slot.Number);
            }
        }

        Volatile.Write(ref _last, load);
        Volatile.Write(ref _lastPush, now);
        Pump();
    }

    /// <summary>
    /// Whether every member with fresh metrics is saturated, in the cluster-wide view (pushed queue and KV cache, plus
    /// what every gateway sent since). Never while the metrics are stale: without them the picker fails open, and so
    /// does flow control.
    /// </summary>
    public bool Saturated() => Headroom() == 0;

    /// <summary>Admits waiting requests while the pool has room: as many as the fresh members' queues are below the threshold.</summary>
    public void Pump()
    {
        if (Flow.Count == 0)
        {
            return;
        }

        for (var room = Headroom(); room > 0; room--)
        {
            if (Flow.TakeNext() is not { } waiter)
            {
                return;
            }

            waiter.Turn.TrySetResult(true);
        }
    }

    // Requests the fresh, unsaturated members can take before they are saturated; int.MaxValue when nothing is fresh.
    private int Headroom()
    {
        var clock = _time.GetTimestamp();
        if (LastPush == 0 || _time.GetElapsedTime(LastPush, clock) >= _options.StaleAfter)
        {
            return int.MaxValue;
        }

        var fresh = false;
        var room = 0;
        foreach (var slot in _slots.Values)
        {
            if (slot.Load is not { Error: null } load || load.Age + _time.GetElapsedTime(slot.ReceivedAt, clock) >= _options.StaleAfter)
            {
                continue;
            }

            fresh = true;
            if (load.KvCacheUsage < _options.KvCacheThreshold)
            {
                room += Math.Max(0, _options.QueueThreshold - slot.Queue(load, _options.ClusterWideDispatch, slot.ClusterInFlight(_time, clock, _options.StaleAfter)));
            }
        }

        return fresh ? room : int.MaxValue;
    }

    /// <summary>The request path's record of a pick: the endpoint's counters, and its prompt blocks for every gateway.</summary>
    public void Dispatched(EndpointSlot slot, ReadOnlySpan<ulong> blocks)
    {
        slot.OnDispatched();
        foreach (var block in blocks)
        {
            Prefixes.Record(block, slot.Number);
        }

        // Hints are hints: past the bound they are dropped rather than queued without limit.
        if (blocks.Length > 0 && Interlocked.Add(ref _pendingHints, blocks.Length) <= MaxPendingHints)
        {
            foreach (var block in blocks)
            {
                _hints.Enqueue(new PrefixHint(block, slot.Endpoint));
            }
        }
    }

    /// <summary>
    /// This gateway's requests in flight per member, when they changed since the last report or that is older than
    /// <paramref name="heartbeat"/> (so a new grain activation learns them); null otherwise.
    /// </summary>
    public PoolInFlightReport? TakeInFlightReport(string gatewayId, TimeSpan heartbeat)
    {
        var counts = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var slot in _slots.Values)
        {
            if (slot.InFlightNow is var count and > 0)
            {
                counts[slot.Endpoint] = count;
            }
        }

        return _inFlight.Take(gatewayId, counts.ToImmutable(), _time.GetTimestamp(), _time, heartbeat);
    }

    /// <summary>Takes the grain's sums of every gateway's requests in flight, with this gateway's part taken out.</summary>
    public void ApplyInFlight(PoolInFlight push, string gatewayId)
    {
        ArgumentNullException.ThrowIfNull(push);
        if (_inFlight.Mine(push, gatewayId) is not { } mine)
        {
            return;
        }

        var now = _time.GetTimestamp();
        foreach (var slot in _slots.Values)
        {
            slot.SetOthers(Math.Max(0, push.Totals.GetValueOrDefault(slot.Endpoint) - mine.GetValueOrDefault(slot.Endpoint)), now);
        }

        Pump();
    }

    /// <summary>What to send the grain now: members, dispatch counts since the last report, pending hints.</summary>
    public PoolDispatchReport TakeReport(string gatewayId, IInferencePoolObserver? observer)
    {
        var dispatched = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var slot in _slots.Values)
        {
            if (slot.TakeReported() is var count and > 0)
            {
                dispatched[slot.Endpoint] = count;
            }
        }

        var hints = ImmutableArray.CreateBuilder<PrefixHint>();
        while (_hints.TryDequeue(out var hint))
        {
            hints.Add(hint);
        }

        Interlocked.Exchange(ref _pendingHints, 0);
        return new PoolDispatchReport
        {
            GatewayId = gatewayId,
            Observer = observer,
            Members = _members,
            Dispatched = dispatched.ToImmutable(),
            Prefixes = hints.ToImmutable(),
        };
    }
}
