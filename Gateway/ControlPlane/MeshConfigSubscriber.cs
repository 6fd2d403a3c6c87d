using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Snapshot;

namespace OrleansMesh.Gateway.ControlPlane;

/// <summary>
/// Keeps the gateway's snapshot in step with the control plane: subscribes for pushed changes, applies each on top of
/// the generation it was based on, pulls a full snapshot when it sees a gap, and renews its subscription on a timer
/// (the control plane forgets silent subscribers). When the cluster is unreachable it keeps serving the last snapshot
/// and retries with backoff.
/// </summary>
internal sealed partial class MeshConfigSubscriber : BackgroundService, IMeshObserver
{
    private readonly IGrainFactory _grains;
    private readonly GatewaySnapshotStore _store;
    private readonly GatewaySnapshotCompiler _compiler;
    private readonly MeshGatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MeshConfigSubscriber> _logger;
    private readonly ControlPlaneConnectionEvents _connections;
    private readonly Channel<MeshUpdate> _updates = Channel.CreateUnbounded<MeshUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private MeshSnapshot _mesh = new();
    private long _fastRenewalSince = long.MinValue;
    private IMeshObserver? _reference;

    public MeshConfigSubscriber(
        IGrainFactory grains,
        GatewaySnapshotStore store,
        GatewaySnapshotCompiler compiler,
        IOptions<MeshGatewayOptions> options,
        TimeProvider time,
        ILogger<MeshConfigSubscriber> logger,
        ControlPlaneConnectionEvents connections)
    {
        ArgumentNullException.ThrowIfNull(options);
        _grains = grains;
        _store = store;
        _compiler = compiler;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _connections = connections;
    }

    /// <summary>The generation of the snapshot being served.</summary>
    public long Generation => _mesh.Generation;

    public Task OnMeshUpdatedAsync(MeshUpdate update)
    {
        _updates.Writer.TryWrite(update);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new RetryBackoff(_options.MaxRetryDelay);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SubscribeAndSyncAsync();
                if (failures > 0)
                {
                    LogReconnected(failures, _mesh.Generation);
                }

                failures = 0;
                backoff.Reset();
                await ApplyUpdatesUntilRenewalAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                var delay = backoff.Next();
                var reconnected = _connections.NextConnection;
                LogControlPlaneUnreachable(exception.GetBaseException().Message, _mesh.Generation, delay, failures);
                LogControlPlaneFailure(exception);

                // A silo that (re)appears ends the wait: after the whole cluster restarted, the backoff may have
                // grown to MaxRetryDelay, and the first silo up must not wait for it.
                await Task.WhenAny(Task.Delay(delay, _time, stoppingToken), reconnected.WaitAsync(stoppingToken)).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is not null)
        {
            try
            {
                await ConfigGrain.UnsubscribeAsync(_reference).WaitAsync(TimeSpan.FromSeconds(2), _time, cancellationToken);
            }
            catch (Exception exception)
            {
                // The subscription expires on its own; a stopping gateway does not wait for an absent cluster.
                LogUnsubscribeFailed(exception);
            }
        }
    }

    private IMeshConfigGrain ConfigGrain => _grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);

    private async Task SubscribeAndSyncAsync()
    {
        _reference ??= _grains.CreateObjectReference<IMeshObserver>(this);
        // Hedged and bounded: a call to the config grain's activation on a silo that was just killed never answers
        // (Orleans' client waits for its 30 s response timeout), while one sent once the silo is declared dead
        // reaches the new activation at once; the gateway must subscribe there before the next change is pushed.
        var served = _mesh.Version;
        var reference = _reference;
        var version = await HedgedCall.RunAsync(() => ConfigGrain.SubscribeAsync(reference, served), _options.ControlPlaneHedgeDelay, _options.ControlPlaneTimeout, _time);
        if (version != _mesh.Version || !_store.IsLoaded)
        {
            Serve(await ConfigGrain.GetSnapshotAsync().WaitAsync(_options.ControlPlaneTimeout, _time), null);
        }
    }

    /// <summary>How long after losing a silo the subscription is renewed every <see cref="MeshGatewayOptions.ControlPlaneHedgeDelay"/>.</summary>
    internal static readonly TimeSpan FastRenewalWindow = TimeSpan.FromSeconds(5);

    private async Task ApplyUpdatesUntilRenewalAsync(CancellationToken stoppingToken)
    {
        // After a lost silo, renew at once and then often for a while: a change pushed through that silo before the
        // cluster declared it dead is lost, and the renewal is what finds it.
        var lost = _connections.NextLoss;
        var fast = _fastRenewalSince != long.MinValue && _time.GetElapsedTime(_fastRenewalSince) < FastRenewalWindow;
        using var renewal = new CancellationTokenSource(fast ? _options.ControlPlaneHedgeDelay : _options.RenewInterval, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, renewal.Token, lost);
        while (true)
        {
            MeshUpdate update;
            try
            {
                update = await _updates.Reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                if (lost.IsCancellationRequested)
                {
                    _fastRenewalSince = _time.GetTimestamp();
                }

                return;
            }

            var sameEpoch = update.Epoch == _mesh.Epoch;
            if (sameEpoch && update.Generation <= _mesh.Generation)
            {
                continue;
            }

            // Another epoch means the control plane's store was recreated: its generations say nothing about ours.
            if (!sameEpoch || update.BaseGeneration != _mesh.Generation)
            {
                LogGap(_mesh.Generation, update.BaseGeneration, update.Generation);
                Serve(await ConfigGrain.GetSnapshotAsync().WaitAsync(_options.ControlPlaneTimeout, _time), null);
                continue;
            }

            Serve(MeshSnapshotMerge.Apply(_mesh, update), update.CommittedAt);
        }
    }

    private void Serve(MeshSnapshot mesh, DateTimeOffset? committedAt)
    {
        CompiledSnapshot compiled;
        try
        {
            compiled = _compiler.Compile(mesh, _options.Labels);
        }
        catch (Exception exception)
        {
            // Config the control plane accepted but this gateway cannot compile: keep serving the last good
            // snapshot. The next push or renewal tries again, so this is logged at most once per push or renewal.
            LogCompileFailed(exception, mesh.Generation, _mesh.Generation);
            return;
        }

        _mesh = mesh;

        // One write: routes and policies change together. The caches that outlive snapshots learn of it after.
        _store.Swap(compiled.Snapshot);
        compiled.Commit();
        var delay = committedAt is { } at ? _time.GetUtcNow() - at : TimeSpan.Zero;
        Telemetry.ConvergenceMetrics.Record(committedAt is null ? null : delay);
        LogServing(mesh.Generation, compiled.Snapshot.Routing.HostCount, delay.TotalMilliseconds);
        Acknowledge(mesh.Version);
    }

    // One-way: a lost acknowledgement costs only meshctl status's freshness until the next renewal.
    private void Acknowledge(MeshVersion served)
    {
        if (_reference is null)
        {
            return;
        }

        try
        {
            ConfigGrain.AcknowledgeAsync(_reference, served).Ignore();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogControlPlaneFailure(exception);
        }
    }
}
