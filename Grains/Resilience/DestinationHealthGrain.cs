using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Resilience;

namespace OrleansMesh.Grains.Resilience;

/// <summary>
/// One destination's circuit breaker and outlier detection for the whole cluster (key = <see cref="DestinationKey"/>):
/// the grain adds up the batches every gateway reports and pushes each change of the decision to all of them.
/// <para>
/// The state is soft, in memory only, as Envoy keeps its own (except an operator's hold, <see cref="BreakerHoldState"/>,
/// which is persisted and restored on activation): a breaker's window and an endpoint's error runs are
/// worth nothing after the seconds they cover, and the gateways' next batches rebuild them. Persisting them would put a
/// storage write on every report for no gain. A re-activation draws a new <see cref="DestinationHealth.Incarnation"/>,
/// so gateways see its versions start again instead of ignoring them as old.
/// </para>
/// <para>
/// The grain adopts the parameters of each report's <see cref="DestinationPolicy"/>: with no breaker the state stays
/// closed (an operator's hold still applies), with no outlier detection nothing is ejected. It needs no timers: views
/// carry relative times the gateways count down, and time-based transitions are found on the next call. Pushes are
/// one-way calls to the gateways that reported within <see cref="ObserverExpiry"/>, and only on a change.
/// </para>
/// </summary>
internal sealed partial class DestinationHealthGrain : Grain, IDestinationHealthGrain
{
    /// <summary>A gateway that has not reported for this long stops getting pushes (gateways report every few seconds while busy).</summary>
    internal static readonly TimeSpan ObserverExpiry = TimeSpan.FromSeconds(60);

    /// <summary>The parameters of the idle breaker kept when the policy has none: it never sees outcomes, only holds.</summary>
    private static readonly CircuitBreakerSettings NoBreaker = new();

    private readonly TimeProvider time;
    private readonly ILogger<DestinationHealthGrain> logger;
    private readonly ObserverManager<string, IDestinationHealthObserver> observers;
    private readonly Guid incarnation = Guid.NewGuid();
    private BreakerMachine breaker = new(NoBreaker);
    private bool hasBreaker;
    private BreakerOverride hold;
    private OutlierEjector? ejector;
    private long version;
    private (long Breaker, long Ejector) marks = (0, -1);
    private DestinationHealth last = new();

    private readonly IPersistentState<BreakerHoldState> held;

    public DestinationHealthGrain(
        [PersistentState("breakerHold", MeshStorage.Name)] IPersistentState<BreakerHoldState> held,
        TimeProvider time,
        ILogger<DestinationHealthGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.held = held;
        this.time = time;
        this.logger = logger;
        observers = new ObserverManager<string, IDestinationHealthObserver>(ObserverExpiry, logger)
        {
            GetDateTime = () => time.GetUtcNow().UtcDateTime,
        };
    }

    public Task<DestinationHealth> ReportAsync(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = time.GetUtcNow();
        Adopt(now, report.Policy ?? new DestinationPolicy());
        if (report.Observer is { } observer && !string.IsNullOrEmpty(report.GatewayId))
        {
            observers.Subscribe(report.GatewayId, observer);
        }

        if (hasBreaker)
        {
            // Closed-state counts first: when the same batch also closes the breaker with probes, its older counts
            // must not land in the fresh window.
            breaker.RecordOutcomes(now, Math.Max(report.Successes, 0), Math.Max(report.Failures, 0));
            breaker.RecordProbes(now, Math.Max(report.ProbeSuccesses, 0), Math.Max(report.ProbeFailures, 0));
        }

        ejector?.Record(now, report.Endpoints.IsDefault ? [] : report.Endpoints, report.EndpointCount);
        return PublishAsync(now);
    }

    public async Task<ProbeGrant> RequestProbesAsync(string gatewayId, int wanted)
    {
        var now = time.GetUtcNow();
        var granted = breaker.TryGrant(now, wanted);
        var health = await PublishAsync(now);
        if (granted > 0)
        {
            LogProbesGranted(logger, granted, health.Destination, gatewayId);
        }

        return new ProbeGrant { Granted = granted, Health = health };
    }

    public Task<DestinationHealth> GetAsync() => PublishAsync(time.GetUtcNow());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A hold set before this silo (or the whole cluster) was lost still stands.
        if (held.State.Hold != BreakerOverride.None)
        {
            hold = held.State.Hold;
            breaker.SetOverride(time.GetUtcNow(), hold);
        }

        return Task.CompletedTask;
    }

    public async Task<DestinationHealth> OverrideAsync(BreakerOverride hold)
    {
        if (held.State.Hold != hold)
        {
            held.State.Hold = hold;
            await held.WriteStateAsync();
        }

        var now = time.GetUtcNow();
        this.hold = hold;
        breaker.SetOverride(now, hold);
        LogOverride(logger, hold, this.GetPrimaryKeyString());
        return await PublishAsync(now);
    }

    private void Adopt(DateTimeOffset now, DestinationPolicy policy)
    {
        if (policy.Breaker is { } settings)
        {
            if (hasBreaker)
            {
                breaker.Reconfigure(now, settings);
            }
            else
            {
                breaker = NewBreaker(now, settings);
                hasBreaker = true;
            }
        }
        else if (hasBreaker)
        {
            breaker = NewBreaker(now, NoBreaker);
            hasBreaker = false;
        }

        if (policy.OutlierDetection is { } outliers)
        {
            if (ejector is null)
            {
                ejector = new OutlierEjector(outliers);
                marks.Ejector = ejector.Revision;
            }
            else if (ejector.Settings != outliers)
            {
                ejector.Reconfigure(now, outliers);
            }
        }
        else if (ejector is not null)
        {
            ejector = null;
            marks.Ejector = -1;
        }
    }

    private BreakerMachine NewBreaker(DateTimeOffset now, CircuitBreakerSettings settings)
    {
        var machine = new BreakerMachine(settings);
        if (hold != BreakerOverride.None)
        {
            machine.SetOverride(now, hold);
        }

        // A new machine counts its own transitions; the view comparison catches what replacing it changed.
        marks.Breaker = machine.Transitions;
        return machine;
    }

    /// <summary>Makes the current view; when the decision changed since the last one, bumps the version and pushes it.</summary>
    private async Task<DestinationHealth> PublishAsync(DateTimeOffset now)
    {
        var health = new DestinationHealth
        {
            Destination = this.GetPrimaryKeyString(),
            State = breaker.GetState(now),
            OpenRemaining = breaker.GetOpenRemaining(now),
            Ejected = ejector?.GetEjected(now) ?? [],
            Reason = breaker.Reason,
            Override = breaker.Override,
            Incarnation = incarnation,
        };
        var current = (breaker.Transitions, ejector?.Revision ?? -1);
        if (current == marks && SameDecision(health, last))
        {
            return health with { Version = version };
        }

        marks = current;
        health = health with { Version = ++version };
        LogChange(health);
        last = health;
        await observers.Notify(o => o.OnHealthChangedAsync(health));
        return health;
    }

    /// <summary>Whether two views tell gateways the same thing; the times left do not count, they always differ.</summary>
    private static bool SameDecision(DestinationHealth a, DestinationHealth b) =>
        a.State == b.State
        && a.Override == b.Override
        && a.Reason == b.Reason
        && a.Ejected.Select(e => (e.Address, e.Ejections)).SequenceEqual(b.Ejected.Select(e => (e.Address, e.Ejections)));

    private void LogChange(DestinationHealth health)
    {
        if (health.State != last.State)
        {
            LogBreakerState(logger, health.Destination, health.State, health.Reason);
        }

        if (health.Ejected.Length != last.Ejected.Length)
        {
            LogEjected(logger, health.Destination, health.Ejected.Length, string.Join(", ", health.Ejected.Select(e => e.Address)));
        }
    }
}
