using Microsoft.Extensions.Options;
using OrleansMesh.Silo.Hosting;

namespace OrleansMesh.Silo.Membership;

/// <summary>
/// Declares a peer silo dead as soon as its endpoint refuses connections, instead of waiting for Orleans' missed
/// probes (<c>Production</c>: 3 × 5 s, and a starting silo waits for old entries to go stale, over a minute).
/// A refused connection is certain in a way a missed probe is not: the peer's host answered, and nothing listens on
/// the silo port — the process is gone. A paused or overloaded silo (GC, SIGSTOP) still accepts connections in the
/// kernel, and an unreachable host does not answer at all; both are left to Orleans' own detection, so its protection
/// against false positives stays whole. Only peers this silo has no open connection to are probed (a kill -9 resets
/// the connections at once, and a connection that ends starts a probe round at once), every <see cref="ProbeInterval"/>; <see cref="RefusalsToDeclareDead"/> refusals in a
/// row, <see cref="ConfirmDelay"/> apart, declare the peer dead through <see cref="IClusterMembershipService.TryKill"/>
/// (as Orleans' Kubernetes hosting does for a deleted pod). It starts while the silo joins, so a silo started after
/// the whole cluster was killed clears the dead entries before it validates connectivity to them.
/// </summary>
internal sealed partial class RefusedPeerDetector : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How often peers without a connection are probed.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How soon a peer that refused is probed again.</summary>
    public static readonly TimeSpan ConfirmDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a probe's connect may take before it says nothing.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Refusals in a row that declare a peer dead.</summary>
    public const int RefusalsToDeclareDead = 2;

    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KillPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly IClusterMembershipService _membership;
    private readonly ILocalSiloDetails _local;
    private readonly OutboundConnectionTracker _connections;
    private readonly MeshSiloOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RefusedPeerDetector> _logger;
    private readonly RefusalCounter<SiloAddress> _refusals = new(RefusalsToDeclareDead);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public RefusedPeerDetector(
        IClusterMembershipService membership,
        ILocalSiloDetails local,
        OutboundConnectionTracker connections,
        IOptions<MeshSiloOptions> options,
        TimeProvider time,
        ILogger<RefusedPeerDetector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _membership = membership;
        _local = local;
        _connections = connections;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (!_options.RefusalDetection)
        {
            return;
        }

        // Right after the silo writes its Joining entry (AfterRuntimeGrainServices), before it validates
        // connectivity to the Active entries (ValidateInitialConnectivity), which dead ones would fail for minutes.
        lifecycle.Subscribe(nameof(RefusedPeerDetector), ServiceLifecycleStage.AfterRuntimeGrainServices + 1, StartAsync, StopAsync);
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        // A first sweep now, bounded: a silo started after the whole cluster died declares the dead entries
        // before the next stage probes them.
        for (var round = 0; round < RefusalsToDeclareDead && !cancellationToken.IsCancellationRequested; round++)
        {
            if (!await ProbeRoundAsync(cancellationToken))
            {
                break;
            }

            await Task.Delay(ConfirmDelay, _time, cancellationToken);
        }

        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                // A connection that ends (a kill -9 resets them all at once) starts the next round now.
                var closed = _connections.NextClosed;
                var suspects = await ProbeRoundAsync(token);
                if (suspects)
                {
                    await Task.Delay(ConfirmDelay, _time, token);
                }
                else
                {
                    await Task.WhenAny(Task.Delay(ProbeInterval, _time, token), closed);
                    token.ThrowIfCancellationRequested();
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogProbeRoundFailed(exception);
                await Task.Delay(ProbeInterval, _time, token).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    // One probe of every peer without a connection; true while some peer refused and is not declared dead yet.
    private async Task<bool> ProbeRoundAsync(CancellationToken cancellationToken)
    {
        var self = _local.SiloAddress;
        var peers = _membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping)
            .Select(m => m.SiloAddress)
            .Where(s => !s.Endpoint.Equals(self.Endpoint))
            .ToHashSet();
        _refusals.KeepOnly(peers);
        var probed = await Task.WhenAll(peers
            .Where(p => _refusals.IsSuspect(p) || !_connections.IsConnected(p.Endpoint))
            .Select(async p => (Peer: p, Outcome: await PeerEndpointProbe.ProbeAsync(p.Endpoint, ConnectTimeout, cancellationToken))));

        var suspects = false;
        foreach (var (peer, outcome) in probed)
        {
            if (_refusals.Record(peer, outcome))
            {
                await DeclareDeadAsync(peer);
            }
            else
            {
                suspects |= _refusals.IsSuspect(peer);
            }
        }

        return suspects;
    }

    private bool IsDead(SiloAddress peer) =>
        _membership.CurrentSnapshot.Members.TryGetValue(peer, out var member) && member.Status == SiloStatus.Dead;

    private async Task DeclareDeadAsync(SiloAddress peer)
    {
        LogDeclaringDead(peer, RefusalsToDeclareDead);
        try
        {
            // TryKill only queues the declaration; wait until this silo's own view has it, so the stage after the
            // startup sweep (validating connectivity to every Active entry) no longer sees the dead peer.
            await _membership.TryKill(peer).WaitAsync(KillTimeout, _time);
            var deadline = _time.GetTimestamp();
            while (!IsDead(peer) && _time.GetElapsedTime(deadline) < KillTimeout)
            {
                await Task.Delay(KillPollInterval, _time);
            }

            LogDeclaredDead(peer, IsDead(peer));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The next round finds it still listed and refusing, and tries again.
            LogDeclareDeadFailed(exception, peer);
        }
    }
}
