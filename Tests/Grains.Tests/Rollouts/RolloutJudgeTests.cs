using OrleansMesh.Grains.Rollouts;
using OrleansMesh.Rollouts;
using static OrleansMesh.Grains.Tests.Rollouts.RolloutSpecs;

namespace OrleansMesh.Grains.Tests.Rollouts;

public sealed class RolloutJudgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_HealthyCanary_Passes()
    {
        var check = RolloutJudge.Check(Rollout().Spec, 10, Window("chat-model", (900, 0, 100), (100, 0, 120)), Now);

        Assert.Equal(RolloutCheckVerdict.Passed, check.Verdict);
        Assert.Equal(100, Metric(check, RolloutMetricNames.RequestSuccessRate));
        Assert.InRange(Metric(check, RolloutMetricNames.RequestDuration)!.Value, 120 * 0.98, 120 * 1.02);
    }

    [Fact]
    public void Check_TwentyPercentServerErrors_Fails()
    {
        var check = RolloutJudge.Check(Rollout().Spec, 10, Window("chat-model", (900, 0, 100), (100, 20, 120)), Now);

        Assert.Equal(RolloutCheckVerdict.Failed, check.Verdict);
        Assert.Equal(80, Metric(check, RolloutMetricNames.RequestSuccessRate));
        Assert.Equal(-20, Metric(check, RolloutMetricNames.RelativeSuccessRate));
    }

    [Fact]
    public void Check_SlowCanary_FailsOnDuration()
    {
        var check = RolloutJudge.Check(Rollout().Spec, 10, Window("chat-model", (900, 0, 100), (100, 0, 900)), Now);

        Assert.Equal(RolloutCheckVerdict.Failed, check.Verdict);
        Assert.True(check.Metrics.Single(m => m.Name == RolloutMetricNames.RequestDuration).Failed);
    }

    [Fact]
    public void Check_FewerCanaryRequestsThanMinRequests_IsSkippedEvenWhenFailing()
    {
        var check = RolloutJudge.Check(Rollout(minRequests: 20).Spec, 10, Window("chat-model", (900, 0, 100), (19, 19, 100)), Now);

        Assert.Equal(RolloutCheckVerdict.Skipped, check.Verdict);
    }

    [Fact]
    public void Check_NoStreams_TimeToFirstTokenHasNoDataAndDoesNotFail()
    {
        var check = RolloutJudge.Check(Rollout().Spec, 10, Window("chat-model", (900, 0, 100), (100, 0, 100)), Now);

        Assert.Null(Metric(check, RolloutMetricNames.TimeToFirstToken));
        Assert.Equal(RolloutCheckVerdict.Passed, check.Verdict);
    }

    [Fact]
    public void Check_NoStableTraffic_RelativeSuccessRateHasNoData()
    {
        var check = RolloutJudge.Check(Rollout().Spec, 100, Window("chat-model", (0, 0, 100), (100, 0, 100)), Now);

        Assert.Null(Metric(check, RolloutMetricNames.RelativeSuccessRate));
        Assert.Equal(RolloutCheckVerdict.Passed, check.Verdict);
    }

    [Fact]
    public void Check_ReportsBothVariantsSideBySide()
    {
        var check = RolloutJudge.Check(Rollout().Spec, 10, Window("chat-model", (900, 9, 100), (100, 0, 100)), Now);

        Assert.Equal(("v1", 900L, 99.0), (check.Stable.Subset, check.Stable.Requests, check.Stable.SuccessRate!.Value));
        Assert.Equal(("v2", 100L, 100.0), (check.Canary.Subset, check.Canary.Requests, check.Canary.SuccessRate!.Value));
    }

    private static double? Metric(RolloutCheck check, string name) => check.Metrics.Single(m => m.Name == name).Value;
}
