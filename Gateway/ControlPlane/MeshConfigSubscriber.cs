using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Gateway.ControlPlane;

/// <summary>
/// Keeps the gateway's snapshot in step with the control plane: subscribes for pushed changes, applies each on top of
/// the generation it was based on, pulls a full snapshot when it sees a gap, and renews its subscription on a timer
/// (the control plane forgets silent subscribers). When the cluster is unreachable it keeps serving the last snapshot
/// and retries with backoff.
/// </summary>
internal sealed partial class MeshConfigSubscriber : BackgroundService, IMeshObserver
{
    private static readonly TimeSpan s_firstRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly IGrainFactory _grains;
    private readonly RoutingSnapshotStore _store;
    private readonly RoutingSnapshotCompiler _compiler;
    private readonly MeshGatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MeshConfigSubscriber> _logger;
    private readonly Channel<MeshUpdate> _updates = Channel.CreateUnbounded<MeshUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private MeshSnapshot _mesh = new();
    private IMeshObserver? _reference;

    public MeshConfigSubscriber(IGrainFactory grains, RoutingSnapshotStore store, RoutingSnapshotCompiler compiler, IOptions<MeshGatewayOptions> options, TimeProvider time, ILogger<MeshConfigSubscriber> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _grains = grains;
        _store = store;
        _compiler = compiler;
        _options = options.Value;
        _time = time;
        _logger = logger;
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
        var delay = s_firstRetryDelay;
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
                delay = s_firstRetryDelay;
                await ApplyUpdatesUntilRenewalAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                LogControlPlaneUnreachable(exception.GetBaseException().Message, _mesh.Generation, delay, failures);
                LogControlPlaneFailure(exception);
                await Task.Delay(delay, _time, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
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
        var generation = await ConfigGrain.SubscribeAsync(_reference);
        if (generation != _mesh.Generation || !_store.IsLoaded)
        {
            Serve(await ConfigGrain.GetSnapshotAsync(), null);
        }
    }

    private async Task ApplyUpdatesUntilRenewalAsync(CancellationToken stoppingToken)
    {
        using var renewal = new CancellationTokenSource(_options.RenewInterval, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, renewal.Token);
        while (true)
        {
            MeshUpdate update;
            try
            {
                update = await _updates.Reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (update.Generation <= _mesh.Generation)
            {
                continue;
            }

            if (update.BaseGeneration != _mesh.Generation)
            {
                LogGap(_mesh.Generation, update.BaseGeneration, update.Generation);
                Serve(await ConfigGrain.GetSnapshotAsync(), null);
                continue;
            }

            Serve(MeshSnapshotMerge.Apply(_mesh, update), update.CommittedAt);
        }
    }

    private void Serve(MeshSnapshot mesh, DateTimeOffset? committedAt)
    {
        var snapshot = _compiler.Compile(mesh, _options.Labels);
        _mesh = mesh;
        _store.Swap(snapshot);
        var delay = committedAt is { } at ? _time.GetUtcNow() - at : TimeSpan.Zero;
        LogServing(mesh.Generation, snapshot.HostCount, delay.TotalMilliseconds);
    }
}
