namespace OrleansMesh.Resilience;

/// <summary>
/// The state machine of one circuit breaker, fed with outcome counts in batches. Used by the destination health grain
/// (one per destination, cluster-wide) and by a gateway's local breaker while it cannot reach the cluster.
/// <list type="bullet">
/// <item>Closed → Open when <see cref="FailureRateRule"/> says so: the window holds at least
/// <see cref="CircuitBreakerSettings.MinimumRequests"/> requests and failures are at least
/// <see cref="CircuitBreakerSettings.FailurePercentage"/> percent of them. The rule is checked after every batch.</item>
/// <item>Open → HalfOpen once <see cref="CircuitBreakerSettings.BreakDuration"/> has passed, found lazily by any call
/// that takes the time: no timer is needed.</item>
/// <item>HalfOpen grants <see cref="CircuitBreakerSettings.HalfOpenProbes"/> permits in total (<see cref="TryGrant"/>);
/// when that many probes have succeeded it closes with an empty window, and any probe failure opens it again for a
/// new break duration. Permits not reported within <see cref="ProbeReclaimTime"/> are granted again.</item>
/// <item>Counts that arrive while the breaker is not closed are ignored: they are requests that were in flight, or
/// stale batches, when it opened. Probe outcomes that arrive while it is not half-open are ignored likewise.</item>
/// <item>An operator's <see cref="BreakerOverride"/> freezes the state until released; releasing resets to closed.</item>
/// </list>
/// Not thread-safe; callers pass the time in (from their <see cref="TimeProvider"/>).
/// </summary>
public sealed class BreakerMachine
{
    /// <summary>The shortest time a granted probe permit stays reserved (see <see cref="ProbeReclaimTime"/>).</summary>
    public static readonly TimeSpan MinimumProbeReclaimTime = TimeSpan.FromSeconds(30);

    private readonly ProbeLedger probes = new();
    private SlidingWindow window;
    private BreakerState state;
    private DateTimeOffset openedAt;

    /// <summary>A closed breaker with an empty window.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The settings break a rule of the <c>x-orleansmesh.circuitBreaker</c> block.</exception>
    public BreakerMachine(CircuitBreakerSettings settings)
    {
        Settings = Check(settings);
        window = new SlidingWindow(settings.Window, settings.Bucket);
    }

    /// <summary>The parameters in effect.</summary>
    public CircuitBreakerSettings Settings { get; private set; }

    /// <summary>The operator's hold.</summary>
    public BreakerOverride Override { get; private set; }

    /// <summary>Why the breaker is in its state, as of the last call; <see langword="null"/> for a breaker never tripped.</summary>
    public string? Reason { get; private set; }

    /// <summary>Counts every change of state, reason or hold, so an owner can tell when to publish a new view.</summary>
    public long Transitions { get; private set; }

    /// <summary>
    /// How long a granted probe permit stays reserved for a report: the break duration, but at least
    /// <see cref="MinimumProbeReclaimTime"/> (30 s), because model inference requests routinely run for tens of seconds
    /// and reclaiming a live probe's permit lets one probe more than configured reach the destination. The cost is that a
    /// gateway dying with permits keeps the breaker half-open that long at most.
    /// </summary>
    public TimeSpan ProbeReclaimTime => Settings.BreakDuration > MinimumProbeReclaimTime ? Settings.BreakDuration : MinimumProbeReclaimTime;

    /// <summary>The state at <paramref name="now"/> (an open breaker whose break duration is over is half-open).</summary>
    public BreakerState GetState(DateTimeOffset now)
    {
        Advance(now);
        return state;
    }

    /// <summary>
    /// In the open state, the time left before probes are granted; zero otherwise. Held open by an operator it is the
    /// whole break duration, renewed on every call, so a gateway that counts it down asks again at that pace and gets no probes.
    /// </summary>
    public TimeSpan GetOpenRemaining(DateTimeOffset now)
    {
        Advance(now);
        if (Override == BreakerOverride.ForcedOpen)
        {
            return Settings.BreakDuration;
        }

        return state == BreakerState.Open ? Max(openedAt + Settings.BreakDuration - now, TimeSpan.Zero) : TimeSpan.Zero;
    }

    /// <summary>The outcomes in the window at <paramref name="now"/> (empty unless closed).</summary>
    public WindowTotals GetTotals(DateTimeOffset now) => window.GetTotals(now);

    /// <summary>Adds requests that passed the closed breaker; ignored in any other state or under a hold. May open it.</summary>
    public void RecordOutcomes(DateTimeOffset now, int successes, int failures)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        Advance(now);
        if (Override != BreakerOverride.None || state != BreakerState.Closed || successes + failures == 0)
        {
            return;
        }

        window.Add(now, successes, failures);
        TripIfFailing(now);
    }

    /// <summary>Adds outcomes of granted probes; ignored unless half-open. A failure re-opens, enough successes close.</summary>
    public void RecordProbes(DateTimeOffset now, int successes, int failures)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        Advance(now);
        if (Override != BreakerOverride.None || state != BreakerState.HalfOpen)
        {
            return;
        }

        if (failures > 0)
        {
            Open(now, "probe failed");
            return;
        }

        probes.Succeed(successes);
        CloseIfProbed();
    }

    /// <summary>
    /// In the half-open state, grants up to <paramref name="wanted"/> of the probe permits left; 0 in any other state.
    /// Over a half-open period at most <see cref="CircuitBreakerSettings.HalfOpenProbes"/> permits are out at once.
    /// </summary>
    public int TryGrant(DateTimeOffset now, int wanted)
    {
        Advance(now);
        if (Override != BreakerOverride.None || state != BreakerState.HalfOpen || wanted <= 0)
        {
            return 0;
        }

        return probes.Take(now, wanted, Settings.HalfOpenProbes);
    }

    /// <summary>
    /// Sets the operator's hold. <see cref="BreakerOverride.None"/> releases it and resets the breaker to closed with an
    /// empty window (also without a hold: it is the operator's reset).
    /// </summary>
    public void SetOverride(DateTimeOffset now, BreakerOverride hold)
    {
        if (hold != BreakerOverride.None && hold == Override)
        {
            return;
        }

        Override = hold;
        probes.Reset();
        window.Clear();
        (state, Reason) = hold switch
        {
            BreakerOverride.ForcedOpen => (BreakerState.Open, "held open by an operator"),
            BreakerOverride.ForcedClosed => (BreakerState.Closed, "held closed by an operator"),
            _ => (BreakerState.Closed, "reset by an operator"),
        };
        openedAt = now;
        Transitions++;
    }

    /// <summary>
    /// Adopts new parameters and keeps the state: an open breaker keeps its opening time (the new break duration counts
    /// from it), a half-open one its probes, a closed one its window unless the window or bucket length changed (old
    /// buckets do not map onto new ones, so the window starts empty). The new thresholds apply at once.
    /// </summary>
    public void Reconfigure(DateTimeOffset now, CircuitBreakerSettings settings)
    {
        Check(settings);
        if (settings == Settings)
        {
            return;
        }

        Advance(now);
        if (settings.Window != Settings.Window || settings.Bucket != Settings.Bucket)
        {
            window = new SlidingWindow(settings.Window, settings.Bucket);
        }

        Settings = settings;
        if (Override != BreakerOverride.None)
        {
            return;
        }

        Advance(now);
        if (state == BreakerState.HalfOpen)
        {
            CloseIfProbed();
        }
        else if (state == BreakerState.Closed)
        {
            TripIfFailing(now);
        }
    }

    /// <summary>
    /// Takes over a state decided elsewhere, e.g. a gateway seeding its local breaker with the cluster's last view when it
    /// loses the cluster: open keeps the time left, half-open becomes open with none left (so this breaker grants its own
    /// probes), closed starts an empty window. The hold and reason are taken as they are.
    /// </summary>
    public void Adopt(DateTimeOffset now, DestinationHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        probes.Reset();
        window.Clear();
        Override = health.Override;
        Reason = health.Reason;
        state = health.State == BreakerState.Closed ? BreakerState.Closed : BreakerState.Open;
        var remaining = health.State == BreakerState.Open ? Min(Max(health.OpenRemaining, TimeSpan.Zero), Settings.BreakDuration) : TimeSpan.Zero;
        openedAt = now - (Settings.BreakDuration - remaining);
        Transitions++;
    }

    private void Advance(DateTimeOffset now)
    {
        if (Override != BreakerOverride.None)
        {
            return;
        }

        if (state == BreakerState.Open && now >= openedAt + Settings.BreakDuration)
        {
            state = BreakerState.HalfOpen;
            probes.Reset();
            Reason = $"letting {Settings.HalfOpenProbes} probes through after {FailureRateRule.Format(Settings.BreakDuration)} open";
            Transitions++;
        }

        if (state == BreakerState.HalfOpen)
        {
            probes.Reclaim(now, ProbeReclaimTime);
        }
    }

    private void TripIfFailing(DateTimeOffset now)
    {
        var totals = window.GetTotals(now);
        if (FailureRateRule.ShouldBreak(Settings, totals))
        {
            Open(now, FailureRateRule.Describe(totals, Settings.Window));
        }
    }

    private void CloseIfProbed()
    {
        if (probes.Succeeded >= Settings.HalfOpenProbes)
        {
            state = BreakerState.Closed;
            Reason = $"{probes.Succeeded} probes succeeded";
            probes.Reset();
            window.Clear();
            Transitions++;
        }
    }

    private void Open(DateTimeOffset now, string reason)
    {
        state = BreakerState.Open;
        openedAt = now;
        Reason = reason;
        probes.Reset();
        window.Clear();
        Transitions++;
    }

    private static CircuitBreakerSettings Check(CircuitBreakerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.BreakDuration, TimeSpan.Zero, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.HalfOpenProbes, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MinimumRequests, 0, nameof(settings));
        if (settings.FailurePercentage is <= 0 or > 100 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.FailurePercentage, "FailurePercentage must be greater than 0 and at most 100.");
        }

        return settings;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
