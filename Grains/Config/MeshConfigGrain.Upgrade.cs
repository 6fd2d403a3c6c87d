namespace OrleansMesh.Grains.Config;

// Route tables written by an older version lack what gateways now rely on (an endpoint's namespace, which scopes
// authorization policies): all of them are rewritten once, as tables in doubt, and gateways pull a full snapshot.
internal sealed partial class MeshConfigGrain
{
    /// <summary>
    /// The route-table format this version writes. 1: <see cref="ControlPlane.ServiceDefinition.Namespace"/> is set.
    /// Raise it whenever derived tables gain data an older version did not write.
    /// </summary>
    internal const int CurrentTableFormat = 1;

    private bool tableUpgradePending;

    private void UpgradeTablesIfOld()
    {
        if (state.State.TableFormat >= CurrentTableFormat)
        {
            return;
        }

        if (state.State.Resources.Count == 0)
        {
            // Nothing written yet: the first commit stores the current format with everything else.
            state.State.TableFormat = CurrentTableFormat;
            return;
        }

        LogTableUpgrade(logger, state.State.Hosts.Count, state.State.TableFormat, CurrentTableFormat);
        tablesInDoubt.UnionWith(state.State.Hosts);
        tableUpgradePending = true;
        repairTimer ??= this.RegisterGrainTimer(RepairTickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, RepairInterval) { KeepAlive = true });
    }

    // After every table is rewritten: record the format and announce a new generation, which every gateway answers
    // with a full pull (the push matches no base generation).
    private async Task CompleteTableUpgradeAsync()
    {
        if (!tableUpgradePending)
        {
            return;
        }

        state.State.TableFormat = CurrentTableFormat;
        state.State.Generation++;
        await state.WriteStateAsync();
        tableUpgradePending = false;
        unpushedCommitAt ??= time.GetUtcNow();
        ControlPlaneMetrics.Generation(state.State.Generation);
    }
}
