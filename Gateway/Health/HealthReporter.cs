using Microsoft.Extensions.Options;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Health;

/// <summary>
/// Sends each destination's outcomes to its health grain in batches (failures and probe outcomes at once), asks for
/// half-open probe permits, and receives the grains' pushes. Nothing on the request path waits for it.
/// When the control plane cannot be reached it switches every destination to a local breaker and outlier detector
/// with the same parameters, seeded with the last shared state (degraded mode), and switches back when it returns.
/// </summary>
internal sealed partial class HealthReporter : BackgroundService, IDestinationHealthObserver
{
    private readonly HealthRegistry _registry;
    private readonly IGrainFactory _grains;
    private readonly string _gatewayId;
    private readonly HealthReportingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HealthReporter> _logger;
    private readonly Dictionary<string, LocalHealth> _local = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private IDestinationHealthObserver? _reference;
    private Task? _heartbeat;
    private long _degradedSince;
    private bool _degraded;

    public HealthReporter(HealthRegistry registry, IGrainFactory grains, GatewayInstance instance, IOptions<HealthReportingOptions> options, TimeProvider time, ILogger<HealthReporter> logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _registry = registry;
        _grains = grains;
        _gatewayId = instance.Id;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether the gateway is enforcing local state because the control plane is unreachable.</summary>
    public bool IsDegraded { get => Volatile.Read(ref _degraded); private set => Volatile.Write(ref _degraded, value); }

    Task IDestinationHealthObserver.OnHealthChangedAsync(DestinationHealth health)
    {
        // A push that overtakes the end of degraded mode is still the grain's word; the local state gives way to it.
        _registry.Apply(health);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool ticked;
            try
            {
                // Degraded, the local breakers run on every tick; otherwise nothing pending means no timer at all.
                var idle = !IsDegraded && !_registry.AnyPending();
                ticked = await _registry.WaitAsync(_options.ReportInterval, idle, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (IsDegraded)
            {
                RunLocally(stoppingToken);
            }
            else
            {
                Report(ticked, stoppingToken);
            }
        }
    }

    // On the tick every destination with outcomes reports; woken early, only those whose outcomes cannot wait.
    private void Report(bool ticked, CancellationToken cancellationToken)
    {
        foreach (var state in _registry.States)
        {
            if (state.WantsProbes && state.TryBeginCall(probes: true))
            {
                state.ProbesRequested();
                _ = RequestProbesAsync(state, cancellationToken);
            }

            // One report in flight per destination, none waiting for another destination's: outcomes counted
            // meanwhile go in the next report, at the next tick, or as soon as this one is answered when they cannot wait.
            if (!ticked && !state.IsUrgent)
            {
                continue;
            }

            if (state.TryBeginCall(probes: false))
            {
                if (state.TakeReport(_gatewayId, _reference) is { } report)
                {
                    _ = SendAsync(state, report, cancellationToken);
                }
                else
                {
                    state.EndCall(probes: false);
                }
            }
            else if (ticked)
            {
                state.MarkDue();
            }
        }
    }

    private async Task SendAsync(DestinationHealthState state, HealthReport report, CancellationToken cancellationToken)
    {
        try
        {
            var observer = _reference ??= _grains.CreateObjectReference<IDestinationHealthObserver>(this);
            var health = await Grain(state.Key).ReportAsync(report with { Observer = observer })
                .WaitAsync(_options.CallTimeout, _time, cancellationToken).ConfigureAwait(false);
            state.Apply(health);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                EnterDegraded(exception);
                Local(state).Feed(report);
            }
        }
        finally
        {
            state.EndCall(probes: false);
            if (state.IsUrgent)
            {
                _registry.Signal();
            }
        }
    }

    private async Task RequestProbesAsync(DestinationHealthState state, CancellationToken cancellationToken)
    {
        try
        {
            var grant = await Grain(state.Key).RequestProbesAsync(_gatewayId, 1)
                .WaitAsync(_options.CallTimeout, _time, cancellationToken).ConfigureAwait(false);
            state.Apply(grant.Health);
            state.AddPermits(grant.Granted);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                EnterDegraded(exception);
            }
        }
        finally
        {
            state.EndCall(probes: true);
        }
    }

    private void RunLocally(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            RunLocallyUnderLock();
        }

        if (_heartbeat is null or { IsCompleted: true })
        {
            _heartbeat = HeartbeatAsync(cancellationToken);
        }
    }

    private void RunLocallyUnderLock()
    {
        if (!IsDegraded)
        {
            return;
        }

        foreach (var state in _registry.States)
        {
            var local = Local(state);
            if (state.TakeReport(_gatewayId, null) is { } report)
            {
                local.Feed(report);
            }

            if (state.WantsProbes)
            {
                state.ProbesRequested();
                state.AddPermits(local.GrantProbes(1));
            }

            local.Publish(state);
        }
    }

    /// <summary>An empty report: when the grain answers, the control plane is back.</summary>
    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var state = _registry.States.FirstOrDefault();
        if (state is null)
        {
            lock (_gate)
            {
                LeaveDegraded();
            }

            return;
        }

        try
        {
            var observer = _reference ??= _grains.CreateObjectReference<IDestinationHealthObserver>(this);
            var report = new HealthReport { GatewayId = _gatewayId, Observer = observer, Policy = state.Policy, EndpointCount = state.EndpointCount };
            var health = await Grain(state.Key).ReportAsync(report).WaitAsync(_options.CallTimeout, _time, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                LeaveDegraded();
            }

            state.Apply(health);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogHeartbeatFailed(exception);
        }
    }

    private void EnterDegraded(Exception exception)
    {
        if (IsDegraded)
        {
            return;
        }

        IsDegraded = true;
        _degradedSince = _time.GetTimestamp();
        LogDegraded(exception.GetType().Name, exception.Message, _registry.States.Count);
        LogControlPlaneFailure(exception);

        // The local breakers take over at once, and run on every tick from now on.
        _registry.Signal();
    }

    private void LeaveDegraded()
    {
        if (!IsDegraded)
        {
            return;
        }

        IsDegraded = false;
        _local.Clear();
        foreach (var state in _registry.States)
        {
            // The grain's next view replaces the local one whatever its version; a report is due now to get it.
            state.Publish(state.View.Detached(), []);
            state.MarkPending();
        }

        LogRecovered(_time.GetElapsedTime(_degradedSince));
        _registry.Signal();
    }

    private LocalHealth Local(DestinationHealthState state)
    {
        if (!_local.TryGetValue(state.Key, out var local) || local.Policy != state.Policy)
        {
            local = new LocalHealth(state.Policy, state, _time);
            _local[state.Key] = local;
        }

        return local;
    }

    private IDestinationHealthGrain Grain(string key) => _grains.GetGrain<IDestinationHealthGrain>(key);
}
