using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Grains.Rollouts;
using OrleansMesh.Rollouts;
using static OrleansMesh.Grains.Tests.Rollouts.RolloutSpecs;

namespace OrleansMesh.Grains.Tests.Rollouts;

public sealed class RolloutMachineTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => clock.GetUtcNow();

    [Fact]
    public void Configure_FirstSpec_InitializesWithAllTrafficOnStable()
    {
        var status = RolloutMachine.Configure(null, Rollout(), Now);

        Assert.Equal((RolloutPhase.Initializing, 0), (status.Phase, status.CanaryWeight));
        Assert.True(RolloutMachine.IsDue(status, Now));
        Assert.Contains("analysis started", status.Events[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Initializing_ProgressesToFirstStepWithCheckOneIntervalLater()
    {
        var status = RolloutMachine.Start(RolloutMachine.Configure(null, Rollout(), Now), Now);

        Assert.Equal((RolloutPhase.Progressing, 10), (status.Phase, status.CanaryWeight));
        Assert.Equal(Now + TimeSpan.FromSeconds(10), status.NextCheckAt);
        Assert.False(RolloutMachine.IsDue(status, Now + TimeSpan.FromSeconds(9)));
        Assert.True(RolloutMachine.IsDue(status, Now + TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Judge_PassedBelowMaxWeight_StepsUpByStepWeight()
    {
        var status = Progressing();

        var next = RolloutMachine.Judge(status, Check(RolloutCheckVerdict.Passed, Now), Now);

        Assert.Equal((RolloutPhase.Progressing, 20, 1), (next.Phase, next.CanaryWeight, next.PassedChecks));
    }

    [Fact]
    public void Judge_GoodCanary_SucceedsAfterMaxOverStepPlusOnePassedChecks()
    {
        var status = Progressing();
        var checks = 0;
        while (!status.IsFinished)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            status = RolloutMachine.Judge(status, Check(RolloutCheckVerdict.Passed, Now), Now);
            checks++;
        }

        Assert.Equal(50 / 10 + 1, checks);
        Assert.Equal((RolloutPhase.Succeeded, 100), (status.Phase, status.CanaryWeight));
    }

    [Fact]
    public void Judge_PassedAtMaxWeight_PromotesWithAllTrafficOnCanary()
    {
        var status = Progressing() with { CanaryWeight = 50 };

        var next = RolloutMachine.Judge(status, Check(RolloutCheckVerdict.Passed, Now), Now);

        Assert.Equal((RolloutPhase.Promoting, 100), (next.Phase, next.CanaryWeight));
        Assert.NotNull(next.NextCheckAt);
    }

    [Fact]
    public void Judge_StepBeyondMaxWeight_StopsAtMaxWeight()
    {
        var status = RolloutMachine.Start(RolloutMachine.Configure(null, Rollout(stepWeight: 30, maxWeight: 50), Now), Now);

        var next = RolloutMachine.Judge(status, Check(RolloutCheckVerdict.Passed, Now), Now);

        Assert.Equal(50, next.CanaryWeight);
    }

    [Fact]
    public void Judge_FailedBelowThreshold_CountsAndHoldsWeight()
    {
        var status = Progressing();

        var next = RolloutMachine.Judge(status, Check(RolloutCheckVerdict.Failed, Now), Now);

        Assert.Equal((RolloutPhase.Progressing, 10, 1), (next.Phase, next.CanaryWeight, next.FailedChecks));
        Assert.Equal("check failed (1/3): request-success-rate 80 not in >= 99", next.Events[^1].Message);
    }

    [Fact]
    public void Judge_FailedAtThreshold_RollsBackWithAllTrafficOnStable()
    {
        var status = Progressing();
        for (var i = 0; i < 3; i++)
        {
            status = RolloutMachine.Judge(status, Check(RolloutCheckVerdict.Failed, Now), Now);
        }

        Assert.Equal((RolloutPhase.Failed, 0, 3), (status.Phase, status.CanaryWeight, status.FailedChecks));
        Assert.Null(status.NextCheckAt);
        Assert.StartsWith("rolled back after 3 failed checks: request-success-rate 80", status.Events[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_FailuresBetweenPasses_AreCountedTogether()
    {
        var status = Progressing();
        foreach (var verdict in new[] { RolloutCheckVerdict.Failed, RolloutCheckVerdict.Passed, RolloutCheckVerdict.Failed, RolloutCheckVerdict.Passed, RolloutCheckVerdict.Failed })
        {
            status = RolloutMachine.Judge(status, Check(verdict, Now), Now);
        }

        Assert.Equal(RolloutPhase.Failed, status.Phase);
    }

    [Fact]
    public void Judge_FailedWhilePromoting_RollsBackAtThreshold()
    {
        var status = Progressing() with { Phase = RolloutPhase.Promoting, CanaryWeight = 100, FailedChecks = 2 };

        var next = RolloutMachine.Judge(status, Check(RolloutCheckVerdict.Failed, Now), Now);

        Assert.Equal((RolloutPhase.Failed, 0), (next.Phase, next.CanaryWeight));
    }

    [Fact]
    public void Judge_Skipped_NeitherPassesNorFailsAndWaitsAnInterval()
    {
        var status = Progressing();

        var next = RolloutMachine.Judge(status, Check(RolloutCheckVerdict.Skipped, Now), Now);

        Assert.Equal((10, 0, 0), (next.CanaryWeight!.Value, next.PassedChecks, next.FailedChecks));
        Assert.Equal(Now + TimeSpan.FromSeconds(10), next.NextCheckAt);
        Assert.Single(next.Checks);
    }

    [Fact]
    public void Pause_Progressing_HoldsWeightAndStopsChecks()
    {
        var status = RolloutMachine.Pause(Progressing(), Now);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.True(status.Paused);
        Assert.Equal(10, status.CanaryWeight);
        Assert.False(RolloutMachine.IsDue(status, Now));
    }

    [Fact]
    public void Resume_Paused_ChecksOneIntervalAfterResuming()
    {
        var paused = RolloutMachine.Pause(Progressing(), Now);
        clock.Advance(TimeSpan.FromMinutes(5));

        var resumed = RolloutMachine.Resume(paused, Now);

        Assert.False(resumed.Paused);
        Assert.Equal(Now + TimeSpan.FromSeconds(10), resumed.NextCheckAt);
    }

    [Fact]
    public void Promote_Progressing_SucceedsWithAllTrafficOnCanary()
    {
        var status = RolloutMachine.Promote(Progressing(), Now);

        Assert.Equal((RolloutPhase.Succeeded, 100), (status.Phase, status.CanaryWeight));
        Assert.Equal("promoted by an operator: all traffic on v2", status.Events[^1].Message);
    }

    [Fact]
    public void Abort_Progressing_FailsWithAllTrafficOnStable()
    {
        var status = RolloutMachine.Abort(Progressing(), Now);

        Assert.Equal((RolloutPhase.Failed, 0), (status.Phase, status.CanaryWeight));
    }

    [Fact]
    public void Configure_NewCanaryAfterSuccess_RestartsAnalysis()
    {
        var succeeded = RolloutMachine.Promote(Progressing(), Now);

        var restarted = RolloutMachine.Configure(succeeded, Rollout(canary: "v3"), Now);

        Assert.Equal((RolloutPhase.Initializing, 0, 0), (restarted.Phase, restarted.CanaryWeight, restarted.PassedChecks));
        Assert.Equal("v3", restarted.Spec!.Canary);
        Assert.Contains("restarted for a new release", restarted.Events[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_SameRelease_KeepsProgress()
    {
        var status = RolloutMachine.Judge(Progressing(), Check(RolloutCheckVerdict.Passed, Now), Now);

        Assert.Same(status, RolloutMachine.Configure(status, Rollout(), Now));
    }

    [Fact]
    public void Configure_NewThresholdOnly_KeepsPhaseAndWeight()
    {
        var status = RolloutMachine.Judge(Progressing(), Check(RolloutCheckVerdict.Passed, Now), Now);

        var next = RolloutMachine.Configure(status, Rollout(threshold: 9), Now);

        Assert.Equal((RolloutPhase.Progressing, 20, 9), (next.Phase, next.CanaryWeight, next.Spec!.Analysis.Threshold));
    }

    [Fact]
    public void Configure_AfterDeletion_StartsAgain()
    {
        var deleted = RolloutMachine.Delete(Progressing(), Now);

        var again = RolloutMachine.Configure(deleted, Rollout(), Now);

        Assert.Equal((RolloutPhase.Initializing, false), (again.Phase, again.Deleted));
    }

    [Fact]
    public void Delete_Progressing_StopsAndSaysWhereWeightsStay()
    {
        var status = RolloutMachine.Delete(Progressing(), Now);

        Assert.True(status.Deleted);
        Assert.False(RolloutMachine.IsDue(status, DateTimeOffset.MaxValue));
        Assert.Equal("Rollout deleted: the driver stopped; the live weights stay (v1 90, v2 10) until a VirtualService routing to chat-model is applied again", status.Events[^1].Message);
    }

    [Fact]
    public void Judge_AbTest_NeverStepsOrRollsBack()
    {
        var status = RolloutMachine.Start(RolloutMachine.Configure(null, Rollout(stepWeight: 0, maxWeight: 0), Now), Now);
        for (var i = 0; i < 5; i++)
        {
            status = RolloutMachine.Judge(status, Check(i % 2 == 0 ? RolloutCheckVerdict.Failed : RolloutCheckVerdict.Passed, Now), Now);
        }

        Assert.Equal((RolloutPhase.Progressing, (int?)null, 3, 2), (status.Phase, status.CanaryWeight, status.FailedChecks, status.PassedChecks));
        Assert.True(RolloutMachine.Weight(status).Sticky);
    }

    [Fact]
    public void Judge_LongRun_KeepsBoundedHistory()
    {
        var status = RolloutMachine.Start(RolloutMachine.Configure(null, Rollout(stepWeight: 0, maxWeight: 0), Now), Now);
        for (var i = 0; i < RolloutStatus.HistoryLength + 50; i++)
        {
            status = RolloutMachine.Judge(status, Check(RolloutCheckVerdict.Failed, Now), Now);
        }

        Assert.Equal(RolloutStatus.HistoryLength, status.Checks.Length);
        Assert.Equal(RolloutStatus.HistoryLength, status.Events.Length);
    }

    private RolloutStatus Progressing() => RolloutMachine.Start(RolloutMachine.Configure(null, Rollout(), Now), Now);
}
