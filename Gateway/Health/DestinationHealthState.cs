using System.Collections.Concurrent;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Health;

/// <summary>
/// One destination's cluster-wide health on this gateway: the state its grain decided (read lock-free on the request
/// path), the probe permits granted to this gateway, and the outcomes not yet reported. Lives across config snapshots.
/// </summary>
internal sealed class DestinationHealthState
{
    private static readonly DestinationPolicy s_none = new();

    private readonly HealthRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, EndpointHealth> _endpoints = new(StringComparer.Ordinal);
    private volatile HealthView _view = HealthView.Initial;
    private volatile DestinationPolicy _policy = s_none;
    private int _permits;
    private int _wantsProbes;
    private int _successes;
    private int _failures;
    private int _probeSuccesses;
    private int _probeFailures;
    private int _pending;
    private int _urgent;
    private int _ejected;
    private int _endpointCount;
    private int _reporting;
    private int _probing;

    public DestinationHealthState(string key, HealthRegistry registry, TimeProvider time)
    {
        Key = key;
        _registry = registry;
        _time = time;
    }

    /// <summary>The destination key (<see cref="DestinationKey"/>).</summary>
    public string Key { get; }

    public HealthView View => _view;

    public DestinationPolicy Policy => _policy;

    /// <summary>Whether outlier detection has taken any endpoint out; the request path checks endpoints only then.</summary>
    public bool AnyEjected => Volatile.Read(ref _ejected) > 0;

    /// <summary>Whether a request found the breaker half-open without a permit since the last probe request.</summary>
    public bool WantsProbes => Volatile.Read(ref _wantsProbes) != 0;

    public int EndpointCount => Volatile.Read(ref _endpointCount);

    /// <summary>Whether outcomes (or a due report) wait for the reporter.</summary>
    public bool HasPending => Volatile.Read(ref _pending) != 0;

    /// <summary>Whether what waits should be reported at once rather than at the next tick: failures, probe outcomes, a due report.</summary>
    public bool IsUrgent => Volatile.Read(ref _urgent) != 0;

    /// <summary>The current timestamp of the clock ejection deadlines are on.</summary>
    public long Now => _time.GetTimestamp();

    /// <summary>Sets the parameters and endpoints of the current snapshot.</summary>
    public void Configure(DestinationPolicy policy, IReadOnlyCollection<string> addresses)
    {
        _policy = policy;
        Volatile.Write(ref _endpointCount, addresses.Count);
        foreach (var address in _endpoints.Keys)
        {
            if (!addresses.Contains(address))
            {
                _endpoints.TryRemove(address, out _);
            }
        }
    }

    public EndpointHealth Endpoint(string address) => _endpoints.GetOrAdd(address, static a => new EndpointHealth(a));

    /// <summary>The breaker's word on one request. Lock-free: a volatile read, and an interlocked permit in half-open.</summary>
    public Admission Admit()
    {
        var view = _view;
        if (view.State == BreakerState.Closed)
        {
            return Admission.Allowed;
        }

        if (view.Override == BreakerOverride.ForcedOpen || (view.State == BreakerState.Open && _time.GetTimestamp() < view.OpenUntil))
        {
            return Admission.Rejected;
        }

        // Half-open, or open past its break (the grain moves to half-open when asked): only granted probes pass.
        var permits = Volatile.Read(ref _permits);
        while (permits > 0)
        {
            var seen = Interlocked.CompareExchange(ref _permits, permits - 1, permits);
            if (seen == permits)
            {
                return Admission.Probe;
            }

            permits = seen;
        }

        if (Interlocked.Exchange(ref _wantsProbes, 1) == 0)
        {
            _registry.Signal();
        }

        return Admission.Rejected;
    }

    /// <summary>
    /// Counts one attempt's outcome; failures and probe outcomes wake the reporter at once, the first success since the
    /// last report wakes it for the next tick. Under load the pending flag is already set: a read, no interlocked write.
    /// </summary>
    public void Record(EndpointHealth? endpoint, UpstreamOutcome outcome, Admission admission)
    {
        // A probe whose client left may still have reached the destination: its permit is not reused here; the grain
        // reclaims permits never reported (BreakerMachine.ProbeReclaimTime).
        if (!OutcomeKinds.IsCounted(outcome))
        {
            return;
        }

        var policy = _policy;
        var urgent = false;
        if (policy.OutlierDetection is not null && endpoint is not null)
        {
            endpoint.Record(outcome);
            urgent = OutcomeKinds.IsServerError(outcome);
        }

        if (policy.Breaker is { } breaker)
        {
            var failed = OutcomeKinds.IsFailure(outcome, breaker.FailOn);
            if (admission == Admission.Probe)
            {
                Interlocked.Increment(ref failed ? ref _probeFailures : ref _probeSuccesses);
                urgent = true;
            }
            else
            {
                Interlocked.Increment(ref failed ? ref _failures : ref _successes);
                urgent |= failed;
            }
        }

        if (Volatile.Read(ref _pending) == 0 && Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _registry.NotePending();
        }

        if (urgent)
        {
            Volatile.Write(ref _urgent, 1);
            _registry.Signal();
        }
    }

    /// <summary>Takes the outcomes counted since the last report; null when there are none and <paramref name="always"/> is false.</summary>
    public HealthReport? TakeReport(string gatewayId, IDestinationHealthObserver? observer, bool always = false)
    {
        Volatile.Write(ref _urgent, 0);
        if (Interlocked.Exchange(ref _pending, 0) == 0 && !always)
        {
            return null;
        }

        var endpoints = new List<EndpointOutcomes>();
        foreach (var endpoint in _endpoints.Values)
        {
            if (endpoint.Take() is { } outcomes)
            {
                endpoints.Add(outcomes);
            }
        }

        return new HealthReport
        {
            GatewayId = gatewayId,
            Observer = observer,
            Policy = _policy,
            Successes = Interlocked.Exchange(ref _successes, 0),
            Failures = Interlocked.Exchange(ref _failures, 0),
            ProbeSuccesses = Interlocked.Exchange(ref _probeSuccesses, 0),
            ProbeFailures = Interlocked.Exchange(ref _probeFailures, 0),
            Endpoints = [.. endpoints],
            EndpointCount = EndpointCount,
        };
    }

    /// <summary>The endpoints out of load balancing now, with their time left.</summary>
    public IEnumerable<EjectedEndpoint> Ejections()
    {
        var now = _time.GetTimestamp();
        foreach (var endpoint in _endpoints.Values)
        {
            if (endpoint.EjectedUntil > now)
            {
                yield return new EjectedEndpoint { Address = endpoint.Address, Remaining = _time.GetElapsedTime(now, endpoint.EjectedUntil) };
            }
        }
    }

    /// <summary>Claims the one report (or probe request) this destination may have in flight.</summary>
    public bool TryBeginCall(bool probes) => Interlocked.CompareExchange(ref probes ? ref _probing : ref _reporting, 1, 0) == 0;

    public void EndCall(bool probes) => Volatile.Write(ref probes ? ref _probing : ref _reporting, 0);

    /// <summary>Makes a report due at once, even without outcomes (to fetch the grain's state); the caller signals the reporter.</summary>
    public void MarkPending()
    {
        Volatile.Write(ref _pending, 1);
        Volatile.Write(ref _urgent, 1);
    }

    /// <summary>
    /// A tick found this destination's previous report still in flight: what is pending goes as soon as it is answered
    /// rather than a tick later.
    /// </summary>
    public void MarkDue()
    {
        if (HasPending)
        {
            Volatile.Write(ref _urgent, 1);
        }
    }

    /// <summary>Clears the probe request flag; the reporter calls it before asking the grain.</summary>
    public void ProbesRequested() => Volatile.Write(ref _wantsProbes, 0);

    public void AddPermits(int granted)
    {
        if (granted > 0)
        {
            Interlocked.Add(ref _permits, granted);
        }
    }

    /// <summary>Adopts <paramref name="health"/> unless this gateway already holds a newer state.</summary>
    public bool Apply(DestinationHealth health)
    {
        if (!_view.IsOlderThan(health))
        {
            return false;
        }

        Publish(HealthView.From(health, _time), health.Ejected);
        return true;
    }

    /// <summary>Replaces the state the request path reads (the grain's, or the local fallback's in degraded mode).</summary>
    public void Publish(HealthView view, IReadOnlyCollection<EjectedEndpoint> ejected)
    {
        if (view.State != BreakerState.HalfOpen)
        {
            // Permits belong to one half-open period.
            Volatile.Write(ref _permits, 0);
        }

        var deadlines = ejected.Count == 0 ? null : ejected.ToDictionary(e => e.Address, e => HealthView.Deadline(_time, e.Remaining), StringComparer.Ordinal);
        foreach (var e in ejected)
        {
            Endpoint(e.Address);
        }

        var now = _time.GetTimestamp();
        foreach (var (address, endpoint) in _endpoints)
        {
            endpoint.SetEjectedUntil(deadlines is not null && deadlines.TryGetValue(address, out var until) ? until : 0, now);
        }

        Volatile.Write(ref _ejected, ejected.Count);
        _view = view;
    }
}
