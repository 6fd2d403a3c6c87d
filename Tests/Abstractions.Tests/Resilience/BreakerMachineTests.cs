using OrleansMesh.Resilience;

namespace OrleansMesh.Abstractions.Tests.Resilience;

public sealed class BreakerMachineTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly CircuitBreakerSettings Settings = new()
    {
        FailurePercentage = 50,
        Window = TimeSpan.FromSeconds(10),
        Bucket = TimeSpan.FromSeconds(1),
        MinimumRequests = 20,
        BreakDuration = TimeSpan.FromSeconds(5),
        HalfOpenProbes = 3,
    };

    private readonly BreakerMachine machine = new(Settings);

    [Fact]
    public void RecordOutcomes_RateAtThreshold_Opens()
    {
        machine.RecordOutcomes(T0, 10, 16);

        Assert.Equal(BreakerState.Open, machine.GetState(T0));
        Assert.Equal("62% of 26 requests failed in the last 10s", machine.Reason);
        Assert.Equal(TimeSpan.FromSeconds(5), machine.GetOpenRemaining(T0));
    }

    [Fact]
    public void RecordOutcomes_RateExactlyFiftyPercent_Opens()
    {
        machine.RecordOutcomes(T0, 10, 10);

        Assert.Equal(BreakerState.Open, machine.GetState(T0));
    }

    [Fact]
    public void RecordOutcomes_RateBelowThreshold_StaysClosed()
    {
        machine.RecordOutcomes(T0, 11, 10);

        Assert.Equal(BreakerState.Closed, machine.GetState(T0));
        Assert.Null(machine.Reason);
    }

    [Fact]
    public void RecordOutcomes_BelowMinimumRequests_StaysClosedWhateverTheRate()
    {
        machine.RecordOutcomes(T0, 0, 19);

        Assert.Equal(BreakerState.Closed, machine.GetState(T0));
    }

    [Fact]
    public void RecordOutcomes_BatchesAddUpToMinimum_Opens()
    {
        machine.RecordOutcomes(T0, 0, 19);
        machine.RecordOutcomes(T0.AddSeconds(1), 0, 1);

        Assert.Equal(BreakerState.Open, machine.GetState(T0.AddSeconds(1)));
    }

    [Fact]
    public void RecordOutcomes_FailuresLeftTheWindow_DoNotCount()
    {
        machine.RecordOutcomes(T0, 0, 15);

        machine.RecordOutcomes(T0.AddSeconds(10), 5, 5);

        Assert.Equal(BreakerState.Closed, machine.GetState(T0.AddSeconds(10)));
        Assert.Equal(new WindowTotals(5, 5), machine.GetTotals(T0.AddSeconds(10)));
    }

    [Fact]
    public void RecordOutcomes_WhileOpen_AreIgnored()
    {
        machine.RecordOutcomes(T0, 0, 20);

        machine.RecordOutcomes(T0.AddSeconds(1), 100, 0);

        Assert.Equal(new WindowTotals(0, 0), machine.GetTotals(T0.AddSeconds(1)));
        Assert.Equal(BreakerState.Open, machine.GetState(T0.AddSeconds(1)));
    }

    [Fact]
    public void GetState_BreakDurationOver_IsHalfOpen()
    {
        machine.RecordOutcomes(T0, 0, 20);

        Assert.Equal(BreakerState.Open, machine.GetState(T0.AddSeconds(4.999)));
        Assert.Equal(BreakerState.HalfOpen, machine.GetState(T0.AddSeconds(5)));
        Assert.Equal("letting 3 probes through after 5s open", machine.Reason);
        Assert.Equal(TimeSpan.Zero, machine.GetOpenRemaining(T0.AddSeconds(5)));
    }

    [Fact]
    public void TryGrant_Closed_GrantsNothing() => Assert.Equal(0, machine.TryGrant(T0, 3));

    [Fact]
    public void TryGrant_Open_GrantsNothing()
    {
        machine.RecordOutcomes(T0, 0, 20);

        Assert.Equal(0, machine.TryGrant(T0.AddSeconds(4), 3));
    }

    [Fact]
    public void TryGrant_ManyCallsInHalfOpen_GrantsExactlyHalfOpenProbesInTotal()
    {
        var halfOpen = HalfOpen();

        var granted = Enumerable.Range(0, 10).Sum(i => machine.TryGrant(halfOpen.AddMilliseconds(i), 2));

        Assert.Equal(3, granted);
    }

    [Fact]
    public void RecordProbes_AllSucceed_ClosesWithEmptyWindow()
    {
        var halfOpen = HalfOpen();
        machine.TryGrant(halfOpen, 3);

        machine.RecordProbes(halfOpen.AddSeconds(1), 3, 0);

        Assert.Equal(BreakerState.Closed, machine.GetState(halfOpen.AddSeconds(1)));
        Assert.Equal("3 probes succeeded", machine.Reason);
        Assert.Equal(new WindowTotals(0, 0), machine.GetTotals(halfOpen.AddSeconds(1)));
    }

    [Fact]
    public void RecordProbes_SomeSucceed_StaysHalfOpenAndGrantsNoMore()
    {
        var halfOpen = HalfOpen();
        machine.TryGrant(halfOpen, 3);

        machine.RecordProbes(halfOpen.AddSeconds(1), 2, 0);

        Assert.Equal(BreakerState.HalfOpen, machine.GetState(halfOpen.AddSeconds(1)));
        Assert.Equal(0, machine.TryGrant(halfOpen.AddSeconds(1), 3));
    }

    [Fact]
    public void RecordProbes_OneFails_ReopensForNewBreakDuration()
    {
        var halfOpen = HalfOpen();
        machine.TryGrant(halfOpen, 3);
        var failedAt = halfOpen.AddSeconds(2);

        machine.RecordProbes(failedAt, 2, 1);

        Assert.Equal(BreakerState.Open, machine.GetState(failedAt));
        Assert.Equal("probe failed", machine.Reason);
        Assert.Equal(TimeSpan.FromSeconds(5), machine.GetOpenRemaining(failedAt));
        Assert.Equal(BreakerState.HalfOpen, machine.GetState(failedAt.AddSeconds(5)));
    }

    [Fact]
    public void RecordProbes_WhileClosed_AreIgnored()
    {
        machine.RecordProbes(T0, 0, 5);

        Assert.Equal(BreakerState.Closed, machine.GetState(T0));
    }

    [Fact]
    public void TryGrant_PermitsUnreportedPastReclaimTime_AreGrantedAgain()
    {
        var halfOpen = HalfOpen();
        machine.TryGrant(halfOpen, 3);
        machine.RecordProbes(halfOpen.AddSeconds(1), 1, 0);

        Assert.Equal(0, machine.TryGrant(halfOpen.AddSeconds(29), 3));
        Assert.Equal(2, machine.TryGrant(halfOpen.AddSeconds(30), 3));
    }

    [Fact]
    public void ProbeReclaimTime_LongBreak_IsBreakDuration()
    {
        var longBreak = new BreakerMachine(Settings with { BreakDuration = TimeSpan.FromMinutes(2) });

        Assert.Equal(TimeSpan.FromSeconds(30), machine.ProbeReclaimTime);
        Assert.Equal(TimeSpan.FromMinutes(2), longBreak.ProbeReclaimTime);
    }

    [Fact]
    public void SetOverride_ForcedOpen_HoldsOpenPastBreakDurationAndGrantsNothing()
    {
        machine.SetOverride(T0, BreakerOverride.ForcedOpen);

        Assert.Equal(BreakerState.Open, machine.GetState(T0.AddMinutes(10)));
        Assert.Equal(0, machine.TryGrant(T0.AddMinutes(10), 3));
        Assert.Equal(TimeSpan.FromSeconds(5), machine.GetOpenRemaining(T0.AddMinutes(10)));
        Assert.Equal("held open by an operator", machine.Reason);
    }

    [Fact]
    public void SetOverride_ForcedClosed_IgnoresFailures()
    {
        machine.SetOverride(T0, BreakerOverride.ForcedClosed);

        machine.RecordOutcomes(T0, 0, 100);

        Assert.Equal(BreakerState.Closed, machine.GetState(T0));
        Assert.Equal("held closed by an operator", machine.Reason);
    }

    [Fact]
    public void SetOverride_None_ResetsOpenBreakerToClosedWithEmptyWindow()
    {
        machine.RecordOutcomes(T0, 0, 20);

        machine.SetOverride(T0.AddSeconds(1), BreakerOverride.None);
        machine.RecordOutcomes(T0.AddSeconds(1), 0, 19);

        Assert.Equal(BreakerState.Closed, machine.GetState(T0.AddSeconds(1)));
        Assert.Equal(BreakerOverride.None, machine.Override);
        Assert.Equal("reset by an operator", machine.Reason);
    }

    [Fact]
    public void SetOverride_ReleaseForcedOpen_ClosesAndCountsAgain()
    {
        machine.SetOverride(T0, BreakerOverride.ForcedOpen);

        machine.SetOverride(T0.AddSeconds(1), BreakerOverride.None);
        machine.RecordOutcomes(T0.AddSeconds(1), 0, 20);

        Assert.Equal(BreakerState.Open, machine.GetState(T0.AddSeconds(1)));
    }

    [Fact]
    public void Transitions_EveryChange_Counted()
    {
        machine.RecordOutcomes(T0, 0, 20);
        var halfOpen = T0.AddSeconds(5);
        machine.TryGrant(halfOpen, 3);
        machine.RecordProbes(halfOpen, 3, 0);

        Assert.Equal(3, machine.Transitions);
    }

    [Fact]
    public void Reconfigure_LowerThreshold_OpensOnCurrentWindow()
    {
        machine.RecordOutcomes(T0, 15, 5);

        machine.Reconfigure(T0, Settings with { FailurePercentage = 25 });

        Assert.Equal(BreakerState.Open, machine.GetState(T0));
        Assert.Equal("25% of 20 requests failed in the last 10s", machine.Reason);
    }

    [Fact]
    public void Reconfigure_SameWindow_KeepsCounts()
    {
        machine.RecordOutcomes(T0, 5, 5);

        machine.Reconfigure(T0, Settings with { MinimumRequests = 30 });

        Assert.Equal(new WindowTotals(5, 5), machine.GetTotals(T0));
    }

    [Fact]
    public void Reconfigure_NewWindowLength_StartsEmptyWindow()
    {
        machine.RecordOutcomes(T0, 5, 5);

        machine.Reconfigure(T0, Settings with { Window = TimeSpan.FromSeconds(30) });

        Assert.Equal(new WindowTotals(0, 0), machine.GetTotals(T0));
    }

    [Fact]
    public void Reconfigure_LongerBreakWhileOpen_CountsFromOpening()
    {
        machine.RecordOutcomes(T0, 0, 20);

        machine.Reconfigure(T0.AddSeconds(3), Settings with { BreakDuration = TimeSpan.FromSeconds(8) });

        Assert.Equal(TimeSpan.FromSeconds(5), machine.GetOpenRemaining(T0.AddSeconds(3)));
        Assert.Equal(BreakerState.HalfOpen, machine.GetState(T0.AddSeconds(8)));
    }

    [Fact]
    public void Reconfigure_FewerProbesThanSucceeded_Closes()
    {
        var halfOpen = HalfOpen();
        machine.TryGrant(halfOpen, 3);
        machine.RecordProbes(halfOpen, 2, 0);

        machine.Reconfigure(halfOpen, Settings with { HalfOpenProbes = 2 });

        Assert.Equal(BreakerState.Closed, machine.GetState(halfOpen));
    }

    [Fact]
    public void Adopt_OpenView_KeepsTimeLeft()
    {
        machine.Adopt(T0, new DestinationHealth { State = BreakerState.Open, OpenRemaining = TimeSpan.FromSeconds(2), Reason = "from the cluster" });

        Assert.Equal(TimeSpan.FromSeconds(2), machine.GetOpenRemaining(T0));
        Assert.Equal("from the cluster", machine.Reason);
        Assert.Equal(BreakerState.HalfOpen, machine.GetState(T0.AddSeconds(2)));
    }

    [Fact]
    public void Adopt_HalfOpenView_GrantsOwnProbes()
    {
        machine.Adopt(T0, new DestinationHealth { State = BreakerState.HalfOpen });

        Assert.Equal(3, machine.TryGrant(T0, 5));
    }

    [Fact]
    public void Constructor_ZeroProbes_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BreakerMachine(Settings with { HalfOpenProbes = 0 }));

    private DateTimeOffset HalfOpen()
    {
        machine.RecordOutcomes(T0, 0, 20);
        var halfOpen = T0.AddSeconds(5);
        Assert.Equal(BreakerState.HalfOpen, machine.GetState(halfOpen));
        return halfOpen;
    }
}
