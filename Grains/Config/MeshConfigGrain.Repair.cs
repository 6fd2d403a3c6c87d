using System.Runtime.ExceptionServices;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Routing;

namespace OrleansMesh.Grains.Config;

// Route tables a commit could not write: kept in doubt, rewritten before the next operation and by a timer,
// and announced to gateways once written.
internal sealed partial class MeshConfigGrain
{
    /// <summary>How often route tables a commit could not write are retried until they are written.</summary>
    internal static readonly TimeSpan RepairInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The <see cref="MeshUpdate.BaseGeneration"/> of the push after a repair: which generation a gateway holds by
    /// then is unknowable, so the update matches none and every gateway pulls a full snapshot.
    /// </summary>
    internal const long NoBaseGeneration = -1;

    private IGrainTimer? repairTimer;

    // Set when a commit was stored but not pushed because some of its tables could not be written.
    private DateTimeOffset? unpushedCommitAt;

    // Gateways are not told of the generation until its tables are written: they would pull tables of the one before.
    private ConfigDiagnostic Defer(TableWrites writes, long generation, DateTimeOffset committedAt)
    {
        foreach (var (host, error) in writes.Failures)
        {
            LogTableWriteFailed(logger, error, host, generation);
        }

        tablesInDoubt.UnionWith(writes.Failures.Select(f => f.Host));
        unpushedCommitAt = committedAt;

        // Kept alive: the announcement owed to gateways lives only in this activation.
        repairTimer ??= this.RegisterGrainTimer(RepairTickAsync, new GrainTimerCreationOptions(RepairInterval, RepairInterval) { KeepAlive = true });
        return TableWriteWarning.Create(generation, writes.Failures.Select(f => f.Host), RepairInterval);
    }

    private async Task RepairTickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RepairTablesAsync();
        }
        catch (Exception e)
        {
            // Logged, not thrown: the timer tries again at its next tick.
            LogRepairFailed(logger, e, tablesInDoubt.Count, RepairInterval);
        }
    }

    private async Task RepairTablesAsync()
    {
        if (tablesInDoubt.Count > 0)
        {
            var hosts = tablesInDoubt.ToList();
            var writes = await TableWrites.RunAsync(GrainFactory, RouteTableBuilder.Build(hosts, state.State.Resources.Values).Values);
            tablesInDoubt.ExceptWith(hosts);
            tablesInDoubt.UnionWith(writes.Failures.Select(f => f.Host));
            if (!writes.Failures.IsEmpty)
            {
                ExceptionDispatchInfo.Throw(writes.Failures[0].Error);
            }

            LogTablesRepaired(logger, hosts.Count, state.State.Generation);
        }

        await CompleteTableUpgradeAsync();

        repairTimer?.Dispose();
        repairTimer = null;
        if (unpushedCommitAt is { } committedAt)
        {
            unpushedCommitAt = null;
            var current = state.State;
            var update = new MeshUpdate
            {
                Epoch = current.Epoch,
                Generation = current.Generation,
                BaseGeneration = NoBaseGeneration,
                Gateways = Gateways(current.Resources.Values),
                CommittedAt = committedAt,
            };
            await observers.Notify(o => o.OnMeshUpdatedAsync(update));
        }
    }
}
