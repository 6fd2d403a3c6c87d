using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

/// <summary>
/// The weight curve of Envoy's slow start (arch_overview/upstream/load_balancing/slow_start:
/// max(MinWeightPercent, (max(t, 1 s) / window)^(1 / aggression))), as Istio's setWarmup configures it
/// (pilot/pkg/networking/core/cluster_traffic_policy.go: aggression 1 and minimum 10 % when unset).
/// </summary>
public sealed class SlowStartTests
{
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(60);

    [Fact]
    public void Weight_AtStart_IsTheMinimumPercent()
        => Assert.Equal(0.1, Create().Weight(TimeSpan.Zero), 6);

    [Fact]
    public void Weight_FirstSecond_CountsAsOneSecond()
        => Assert.Equal(0.5, Create(window: TimeSpan.FromSeconds(2)).Weight(TimeSpan.FromMilliseconds(300)), 6);

    [Fact]
    public void Weight_MidWindow_IsLinearByDefault()
        => Assert.Equal(0.5, Create().Weight(TimeSpan.FromSeconds(30)), 6);

    [Fact]
    public void Weight_AfterTheWindow_IsFull()
        => Assert.Equal(1, Create().Weight(s_window));

    [Theory]
    [InlineData(2.0, 15, 0.5)]     // sqrt(1/4): a quick start
    [InlineData(0.5, 30, 0.25)]    // (1/2)^2: a slow start
    [InlineData(0.5, 6, 0.1)]      // (1/10)^2 = 0.01, floored at the minimum
    public void Weight_Aggression_BendsTheCurve(double aggression, int seconds, double expected)
        => Assert.Equal(expected, Create(aggression: aggression).Weight(TimeSpan.FromSeconds(seconds)), 6);

    [Fact]
    public void Weight_MinimumPercent_FloorsTheRamp()
        => Assert.Equal(0.4, Create(minimumPercent: 40).Weight(TimeSpan.FromSeconds(6)), 6);

    [Fact]
    public void Weight_MinimumPercentZero_StartsAtOneSecondsShare()
        => Assert.Equal(1.0 / 60, Create(minimumPercent: 0).Weight(TimeSpan.Zero), 6);

    [Fact]
    public void From_Warmup_TakesIstiosDefaults()
    {
        var slowStart = SlowStart.From(new LoadBalancerSettings { Warmup = new WarmupConfiguration { Duration = s_window } }, TimeProvider.System, new Random(1));

        Assert.Equal((s_window, 0.1, 1.0), (slowStart!.Window, slowStart.MinimumWeight, slowStart.Aggression));
    }

    [Fact]
    public void From_WarmupDurationSecs_IsLinearFromTenPercent()
    {
        var slowStart = SlowStart.From(new LoadBalancerSettings { WarmupDuration = s_window }, TimeProvider.System, new Random(1));

        Assert.Equal((s_window, 0.1, 1.0), (slowStart!.Window, slowStart.MinimumWeight, slowStart.Aggression));
    }

    [Fact]
    public void From_NoWarmup_IsNull()
        => Assert.Null(SlowStart.From(new LoadBalancerSettings { Simple = SimpleLoadBalancer.RoundRobin }, TimeProvider.System, new Random(1)));

    [Fact]
    public void Admits_EndpointThereFromTheStart_Always()
    {
        var time = new FakeTimeProvider();
        var slowStart = Create(time: time, minimumPercent: 0);
        var endpoint = Endpoints.Create(1)[0];

        Assert.True(Enumerable.Range(0, 100).All(_ => slowStart.Admits(endpoint, time.GetTimestamp())));
    }

    private static SlowStart Create(TimeSpan? window = null, double minimumPercent = 10, double aggression = 1, TimeProvider? time = null) =>
        new(window ?? s_window, minimumPercent / 100, aggression, time ?? TimeProvider.System, new Random(1));
}
