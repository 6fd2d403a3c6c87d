using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Grains.Rollouts;

/// <summary>
/// Runs on every silo: every <see cref="Interval"/> hands each stored Rollout's spec to its driver (one-way). That
/// brings a driver back within seconds after its silo, or the whole cluster, was lost (its activation and timer die
/// with the silo; its persisted state does not), without Orleans reminders' one-minute floor.
/// </summary>
internal sealed partial class RolloutKeeper(IGrainFactory grains, TimeProvider time, ILogger<RolloutKeeper> logger) : BackgroundService
{
    /// <summary>How often the keeper wakes the drivers.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(Interval, time);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var rollouts = await grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ListAsync(ResourceKind.Rollout);
                foreach (var rollout in rollouts.OfType<Rollout>())
                {
                    await grains.GetGrain<IRolloutGrain>(IRolloutGrain.KeyOf(rollout.Metadata.Namespace, rollout.Metadata.Name)).RefreshAsync(rollout);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The cluster may be starting or losing a silo; the next tick tries again.
                LogKeeperFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not wake the Rollout drivers; retrying")]
    private static partial void LogKeeperFailed(ILogger logger, Exception error);
}
