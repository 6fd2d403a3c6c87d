using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Health;

/// <summary>
/// A destination's breaker and outlier detection run by this gateway alone, with the same parameters and the same
/// state machines as its grain, while the control plane is unreachable (degraded mode). Seeded with the last shared
/// state: an open breaker stays open for its time left, ejected endpoints stay out for theirs.
/// Driven only by the reporter's loop, so it needs no lock; the request path reads what it publishes.
/// </summary>
internal sealed class LocalHealth
{
    private readonly TimeProvider _time;
    private readonly BreakerMachine? _breaker;
    private readonly OutlierEjector? _ejector;
    private readonly List<(string Address, DateTimeOffset Until)> _inherited;
    private long _version;

    public LocalHealth(DestinationPolicy policy, DestinationHealthState state, TimeProvider time)
    {
        Policy = policy;
        _time = time;
        var now = time.GetUtcNow();
        var view = state.View;
        if (policy.Breaker is { } settings)
        {
            _breaker = new BreakerMachine(settings);
            var remaining = view.State == BreakerState.Open ? time.GetElapsedTime(time.GetTimestamp(), view.OpenUntil) : TimeSpan.Zero;
            _breaker.Adopt(now, new DestinationHealth { State = view.State, OpenRemaining = remaining, Override = view.Override, Reason = view.Reason });
        }

        _ejector = policy.OutlierDetection is { } outlier ? new OutlierEjector(outlier) : null;
        _inherited = [.. state.Ejections().Select(e => (e.Address, now + e.Remaining))];
    }

    public DestinationPolicy Policy { get; }

    public void Feed(HealthReport report)
    {
        var now = _time.GetUtcNow();
        if (_breaker is { } breaker)
        {
            breaker.RecordOutcomes(now, report.Successes, report.Failures);
            breaker.RecordProbes(now, report.ProbeSuccesses, report.ProbeFailures);
        }

        _ejector?.Record(now, report.Endpoints, report.EndpointCount);
    }

    public int GrantProbes(int wanted) => _breaker?.TryGrant(_time.GetUtcNow(), wanted) ?? 0;

    /// <summary>Makes this state the one the request path enforces.</summary>
    public void Publish(DestinationHealthState state)
    {
        var now = _time.GetUtcNow();
        _inherited.RemoveAll(e => e.Until <= now);
        var ejected = _ejector?.GetEjected(now) ?? [];
        var all = ejected.AddRange(_inherited
            .Where(e => !ejected.Any(x => x.Address == e.Address))
            .Select(e => new EjectedEndpoint { Address = e.Address, Remaining = e.Until - now }));
        var breakerState = _breaker?.GetState(now) ?? BreakerState.Closed;
        var openUntil = breakerState == BreakerState.Open ? HealthView.Deadline(_time, _breaker!.GetOpenRemaining(now)) : 0;
        var view = new HealthView(breakerState, openUntil, _breaker?.Reason, _breaker?.Override ?? BreakerOverride.None, ++_version, Guid.Empty, _time.GetTimestamp());
        state.Publish(view, all);
    }
}
