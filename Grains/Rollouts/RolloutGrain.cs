using Microsoft.Extensions.Logging;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Rollouts;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Grains.Rollouts;

/// <summary>
/// Drives one Rollout for the whole cluster (see <see cref="IRolloutGrain"/>). Every transition is stored before its
/// weight is sent to the config store, so a driver that loses its silo resumes from the stored step, never before it
/// and never past it. The decisions are <see cref="RolloutMachine"/>'s; this grain keeps time, reads the telemetry
/// and applies weights.
/// </summary>
internal sealed partial class RolloutGrain : Grain, IRolloutGrain
{
    /// <summary>How often the driver looks whether a check is due or a weight still has to be applied.</summary>
    internal static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private readonly IPersistentState<RolloutDriverState> state;
    private readonly TimeProvider time;
    private readonly ILogger<RolloutGrain> logger;
    private IGrainTimer? timer;

    public RolloutGrain(
        [PersistentState("rollout", MeshStorage.Name)] IPersistentState<RolloutDriverState> state,
        TimeProvider time,
        ILogger<RolloutGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.state = state;
        this.time = time;
        this.logger = logger;
    }

    private RolloutStatus? Status => state.State.Status;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Status is { } status && (state.State.WeightPending || RolloutMachine.IsDue(status, DateTimeOffset.MaxValue)))
        {
            EnsureTicking();
        }

        return Task.CompletedTask;
    }

    public Task<RolloutStatus?> GetStatusAsync() => Task.FromResult(Status);

    public async Task RefreshAsync(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var current = Status;
        var next = RolloutMachine.Configure(current, rollout, time.GetUtcNow());
        if (!ReferenceEquals(next, current))
        {
            var restarted = current is null || next.Phase != current.Phase || next.CanaryWeight != current.CanaryWeight || current.Deleted;
            if (restarted)
            {
                LogTransition(logger, this.GetPrimaryKeyString(), next.Phase, next.CanaryWeight, next.Events[^1].Message);
            }

            await SaveAsync(next, weightChanged: restarted);
        }

        if (state.State.WeightPending || RolloutMachine.IsDue(next, DateTimeOffset.MaxValue))
        {
            EnsureTicking();
        }
    }

    public async Task DeletedAsync()
    {
        if (Status is { Deleted: false } status)
        {
            var next = RolloutMachine.Delete(status, time.GetUtcNow());
            LogTransition(logger, this.GetPrimaryKeyString(), next.Phase, next.CanaryWeight, next.Events[^1].Message);
            await SaveAsync(next, weightChanged: false);
        }

        StopTicking();
    }

    public Task<RolloutStatus> PromoteAsync() => OperateAsync(RolloutMachine.Promote);

    public Task<RolloutStatus> AbortAsync() => OperateAsync(RolloutMachine.Abort);

    public Task<RolloutStatus> PauseAsync() => OperateAsync(RolloutMachine.Pause);

    public Task<RolloutStatus> ResumeAsync() => OperateAsync(RolloutMachine.Resume);

    private async Task<RolloutStatus> OperateAsync(Func<RolloutStatus, DateTimeOffset, RolloutStatus> operation)
    {
        var status = Status is { Spec: not null, Deleted: false } known
            ? known
            : throw new InvalidOperationException($"Rollout {this.GetPrimaryKeyString()} is not running: apply it first (meshctl get rollouts lists those stored).");
        var next = operation(status, time.GetUtcNow());
        if (!ReferenceEquals(next, status))
        {
            LogTransition(logger, this.GetPrimaryKeyString(), next.Phase, next.CanaryWeight, next.Events[^1].Message);
            await SaveAsync(next, weightChanged: next.CanaryWeight != status.CanaryWeight);
            await ApplyWeightAsync();
        }

        if (RolloutMachine.IsDue(next, DateTimeOffset.MaxValue))
        {
            EnsureTicking();
        }

        return Status!;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (state.State.WeightPending && !await ApplyWeightAsync())
        {
            return;
        }

        var now = time.GetUtcNow();
        if (Status is not { } status || !RolloutMachine.IsDue(status, now))
        {
            if (Status is not { } s || !RolloutMachine.IsDue(s, DateTimeOffset.MaxValue))
            {
                StopTicking();
            }

            return;
        }

        RolloutStatus next;
        if (status.Phase == RolloutPhase.Initializing)
        {
            next = RolloutMachine.Start(status, now);
        }
        else
        {
            var spec = status.Spec!;
            var telemetry = await GrainFactory.GetGrain<ITelemetryGrain>(spec.Host).QueryAsync(spec.Analysis.Interval);
            var check = RolloutJudge.Check(spec, status.CanaryWeight, telemetry, now);
            LogCheck(logger, this.GetPrimaryKeyString(), check.Verdict, check.Canary.Requests, check.Canary.SuccessRate, check.Canary.LatencyP99);
            next = RolloutMachine.Judge(status, check, now);
        }

        var moved = next.Phase != status.Phase || next.CanaryWeight != status.CanaryWeight;
        if (next.Events != status.Events)
        {
            LogTransition(logger, this.GetPrimaryKeyString(), next.Phase, next.CanaryWeight, next.Events[^1].Message);
        }

        await SaveAsync(next, weightChanged: moved);
        await ApplyWeightAsync();
    }

    // True when the weight is applied (or nothing was pending).
    private async Task<bool> ApplyWeightAsync()
    {
        if (!state.State.WeightPending || Status is not { Spec: not null, Deleted: false } status)
        {
            return true;
        }

        bool known;
        try
        {
            known = await GrainFactory.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).SetLiveWeightAsync(RolloutMachine.Weight(status));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Retried on the next tick: the step is stored, only its weight is owed.
            LogWeightFailed(logger, e, this.GetPrimaryKeyString());
            return false;
        }

        if (!known)
        {
            await SaveAsync(RolloutMachine.Delete(status, time.GetUtcNow()), weightChanged: false);
            StopTicking();
            return false;
        }

        state.State.WeightPending = false;
        await state.WriteStateAsync();
        return true;
    }

    private async Task SaveAsync(RolloutStatus status, bool weightChanged)
    {
        var (previous, pending) = (state.State.Status, state.State.WeightPending);
        state.State.Status = status;
        state.State.WeightPending |= weightChanged;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored, so not taken: the next tick decides again from the stored step (storage may be restarting).
            (state.State.Status, state.State.WeightPending) = (previous, pending);
            throw;
        }
    }

    private void EnsureTicking() =>
        timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TickInterval) { KeepAlive = true });

    private void StopTicking()
    {
        timer?.Dispose();
        timer = null;
    }
}
