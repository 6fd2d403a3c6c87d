using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Inference;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// Every report interval, sends each served pool's grain what this gateway dispatched and its prompt hints (which also
/// subscribes the gateway to the pool's pushes), and receives those pushes. One report in flight per pool; a report
/// that fails is dropped (the next carries new counts). Every in-flight report interval, sends one-way the requests it
/// has in flight to each member when they changed, and receives the sums over all gateways. Nothing on the request
/// path waits for either: when the cluster is unreachable the pushes stop, the metrics age, and the picker falls back
/// to least-request.
/// </summary>
internal sealed partial class PoolReporter : BackgroundService, IInferencePoolObserver
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    // Unchanged counts are sent again this often, so a pool grain activated afresh learns them.
    private static readonly TimeSpan InFlightHeartbeat = TimeSpan.FromSeconds(1);
    private readonly InferencePoolRegistry _registry;
    private readonly IGrainFactory _grains;
    private readonly string _gatewayId;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _inFlightInterval;
    private readonly TimeProvider _time;
    private readonly ILogger<PoolReporter> _logger;
    private readonly HashSet<string> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private IInferencePoolObserver? _reference;
    private bool _failing;

    public PoolReporter(InferencePoolRegistry registry, IGrainFactory grains, GatewayInstance instance, IOptions<InferencePickerOptions> options, TimeProvider time, ILogger<PoolReporter> logger)
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
        _interval = options.Value.ReportInterval;
        _inFlightInterval = options.Value.InFlightReportInterval;
        _time = time;
        _logger = logger;
    }

    Task IInferencePoolObserver.OnPoolLoadAsync(PoolLoad load)
    {
        _registry.Apply(load);
        return Task.CompletedTask;
    }

    Task IInferencePoolObserver.OnInFlightAsync(PoolInFlight inFlight)
    {
        _registry.ApplyInFlight(inFlight, _gatewayId);
        return Task.CompletedTask;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ReportLoopAsync(stoppingToken), InFlightLoopAsync(stoppingToken));

    private async Task InFlightLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // No pool served, no timer: every wake-up of an idle gateway costs the thread pool's spinning too.
                await _registry.WaitUntilServingAsync(stoppingToken).ConfigureAwait(false);
                await SendInFlightWhileServingAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendInFlightWhileServingAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_inFlightInterval, _time);
        while (!_registry.IsEmpty && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var pool in _registry.Pools)
            {
                if (!pool.Members.IsDefaultOrEmpty && pool.TakeInFlightReport(_gatewayId, InFlightHeartbeat) is { } report)
                {
                    SendInFlight(pool.Host, report);
                }
            }
        }
    }

    private void SendInFlight(string pool, PoolInFlightReport report)
    {
        try
        {
            // One-way: the call returns once the message is queued; a lost one is replaced by the next change or heartbeat.
            _ = _grains.GetGrain<IInferencePoolGrain>(pool).ReportInFlightAsync(report);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogInFlightReportFailed(pool, exception.GetType().Name, exception.Message);
        }
    }

    private async Task ReportLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _registry.WaitUntilServingAsync(stoppingToken).ConfigureAwait(false);
                await ReportWhileServingAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReportWhileServingAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        while (!_registry.IsEmpty && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var pool in _registry.Pools)
            {
                if (!pool.Members.IsDefaultOrEmpty && Begin(pool.Host))
                {
                    _ = ReportAsync(pool, stoppingToken);
                }
            }
        }
    }

    private bool Begin(string host)
    {
        lock (_gate)
        {
            return _inFlight.Add(host);
        }
    }

    private async Task ReportAsync(PoolState pool, CancellationToken cancellationToken)
    {
        try
        {
            var observer = _reference ??= _grains.CreateObjectReference<IInferencePoolObserver>(this);
            var report = pool.TakeReport(_gatewayId, observer);
            await _grains.GetGrain<IInferencePoolGrain>(pool.Host).ReportAsync(report)
                .WaitAsync(CallTimeout, _time, cancellationToken).ConfigureAwait(false);
            if (_failing)
            {
                _failing = false;
                LogReportsResumed(pool.Host);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (!_failing)
            {
                _failing = true;
                LogReportFailed(pool.Host, exception.GetType().Name, exception.Message);
            }
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(pool.Host);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot report to InferencePool {Pool} ({Error}: {Message}); its picker falls back to least-request once the metrics are stale")]
    private partial void LogReportFailed(string pool, string error, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cannot send requests in flight to InferencePool {Pool} ({Error}: {Message})")]
    private partial void LogInFlightReportFailed(string pool, string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports to InferencePool {Pool} resumed")]
    private partial void LogReportsResumed(string pool);
}
