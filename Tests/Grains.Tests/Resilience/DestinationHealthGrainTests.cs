using OrleansMesh.Networking;
using OrleansMesh.Resilience;

namespace OrleansMesh.Grains.Tests.Resilience;

[Collection(ResilienceClusterCollection.Name)]
public sealed class DestinationHealthGrainTests(ResilienceClusterFixture fixture)
{
    private static readonly CircuitBreakerSettings Breaker = new()
    {
        FailurePercentage = 50,
        Window = TimeSpan.FromSeconds(10),
        Bucket = TimeSpan.FromSeconds(1),
        MinimumRequests = 20,
        BreakDuration = TimeSpan.FromSeconds(5),
        HalfOpenProbes = 3,
    };

    private static readonly DestinationPolicy Policy = new() { Breaker = Breaker };

    private readonly IDestinationHealthGrain grain =
        fixture.Client.GetGrain<IDestinationHealthGrain>(DestinationKey.Of($"svc-{Guid.NewGuid():N}.mesh.test", "v1"));

    [Fact]
    public async Task ReportAsync_ThreeGatewaysReachThreshold_OpensOnTheReportThatReachesIt()
    {
        var first = await grain.ReportAsync(Report("gw-1", successes: 3, failures: 3));
        var second = await grain.ReportAsync(Report("gw-2", successes: 3, failures: 3));
        var third = await grain.ReportAsync(Report("gw-3", successes: 2, failures: 6));

        Assert.Equal(BreakerState.Closed, first.State);
        Assert.Equal(BreakerState.Closed, second.State);
        Assert.Equal(BreakerState.Open, third.State);
        Assert.Equal("60% of 20 requests failed in the last 10s", third.Reason);
        Assert.Equal(TimeSpan.FromSeconds(5), third.OpenRemaining);
        Assert.Equal(1, third.Version);
    }

    [Fact]
    public async Task ReportAsync_BreakerOpens_PushesOpenStateToEveryReportingGateway()
    {
        var observers = new[] { new RecordingHealthObserver(), new RecordingHealthObserver(), new RecordingHealthObserver() };
        for (var i = 0; i < observers.Length; i++)
        {
            await grain.ReportAsync(Report($"gw-{i}", successes: 1, failures: 0, observer: Reference(observers[i])));
        }

        var opened = await grain.ReportAsync(Report("gw-0", successes: 0, failures: 19));

        foreach (var observer in observers)
        {
            var pushed = await observer.NextAsync();
            Assert.Equal(BreakerState.Open, pushed.State);
            Assert.Equal(opened.Version, pushed.Version);
            Assert.Equal(opened.Incarnation, pushed.Incarnation);
        }
    }

    [Fact]
    public async Task RequestProbesAsync_ConcurrentFromThreeGateways_GrantsExactlyHalfOpenProbesInTotal()
    {
        await grain.ReportAsync(Report("gw-1", successes: 0, failures: 20));
        fixture.Time.Advance(Breaker.BreakDuration);

        var grants = await Task.WhenAll(
            from gateway in new[] { "gw-1", "gw-2", "gw-3" }
            from attempt in Enumerable.Range(0, 4)
            select grain.RequestProbesAsync(gateway, 2));

        Assert.Equal(3, grants.Sum(g => g.Granted));
        Assert.All(grants, g => Assert.Equal(BreakerState.HalfOpen, g.Health.State));
    }

    [Fact]
    public async Task ReportAsync_AllProbesSucceed_ClosesAndPushesClosed()
    {
        var observer = new RecordingHealthObserver();
        await grain.ReportAsync(Report("gw-1", successes: 0, failures: 20, observer: Reference(observer)));
        Assert.Equal(BreakerState.Open, (await observer.NextAsync()).State);
        fixture.Time.Advance(Breaker.BreakDuration);
        await grain.RequestProbesAsync("gw-1", 3);
        Assert.Equal(BreakerState.HalfOpen, (await observer.NextAsync()).State);

        await grain.ReportAsync(Report("gw-1", successes: 0, failures: 0, observer: Reference(observer)) with { ProbeSuccesses = 3 });

        var closed = await observer.NextAsync();
        Assert.Equal(BreakerState.Closed, closed.State);
        Assert.Equal("3 probes succeeded", closed.Reason);
        Assert.Equal(3, closed.Version);
    }

    [Fact]
    public async Task OverrideAsync_ForcedOpen_HoldsOpenAgainstSuccessesAndPushes()
    {
        var observer = new RecordingHealthObserver();
        await grain.ReportAsync(Report("gw-1", successes: 1, failures: 0, observer: Reference(observer)));

        await grain.OverrideAsync(BreakerOverride.ForcedOpen);
        var held = await grain.ReportAsync(Report("gw-1", successes: 100, failures: 0));

        var pushed = await observer.NextAsync();
        Assert.Equal(BreakerOverride.ForcedOpen, pushed.Override);
        Assert.Equal(BreakerState.Open, held.State);
        Assert.Equal("held open by an operator", held.Reason);
        Assert.Equal(0, (await grain.RequestProbesAsync("gw-1", 3)).Granted);
    }

    [Fact]
    public async Task OverrideAsync_ForcedOpen_SurvivesTheGrainsDeactivation()
    {
        var before = await grain.OverrideAsync(BreakerOverride.ForcedOpen);

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await grain.GetAsync();

        Assert.NotEqual(before.Incarnation, after.Incarnation);
        Assert.Equal((BreakerOverride.ForcedOpen, BreakerState.Open), (after.Override, after.State));
    }

    [Fact]
    public async Task OverrideAsync_None_ResetsOpenBreakerToClosed()
    {
        await grain.ReportAsync(Report("gw-1", successes: 0, failures: 20));

        var reset = await grain.OverrideAsync(BreakerOverride.None);

        Assert.Equal(BreakerState.Closed, reset.State);
        Assert.Equal(BreakerOverride.None, reset.Override);
        Assert.Equal("reset by an operator", reset.Reason);
    }

    [Fact]
    public async Task ReportAsync_PolicyWithoutBreaker_StaysClosed()
    {
        var health = await grain.ReportAsync(Report("gw-1", successes: 0, failures: 100) with { Policy = new DestinationPolicy() });

        Assert.Equal(BreakerState.Closed, health.State);
        Assert.Equal(0, health.Version);
    }

    [Fact]
    public async Task ReportAsync_EndpointErrorsFromTwoGateways_EjectsEndpointEverywhere()
    {
        var policy = new DestinationPolicy { OutlierDetection = new OutlierDetection() };
        var errors = new EndpointOutcomes { Address = "10.0.0.1:8080", Requests = 3, ServerErrors = 3, TrailingServerErrors = 3 };
        await grain.ReportAsync(new HealthReport { GatewayId = "gw-1", Policy = policy, Endpoints = [errors], EndpointCount = 3 });

        var health = await grain.ReportAsync(new HealthReport { GatewayId = "gw-2", Policy = policy, Endpoints = [errors], EndpointCount = 3 });

        var ejected = Assert.Single(health.Ejected);
        Assert.Equal("10.0.0.1:8080", ejected.Address);
        Assert.Equal(TimeSpan.FromSeconds(30), ejected.Remaining);
        Assert.Equal(BreakerState.Closed, health.State);
    }

    [Fact]
    public async Task GetAsync_BreakDurationOver_ReportsHalfOpen()
    {
        await grain.ReportAsync(Report("gw-1", successes: 0, failures: 20));

        fixture.Time.Advance(Breaker.BreakDuration);
        var health = await grain.GetAsync();

        Assert.Equal(BreakerState.HalfOpen, health.State);
        Assert.Equal(2, health.Version);
    }

    private IDestinationHealthObserver Reference(RecordingHealthObserver observer) =>
        fixture.Client.CreateObjectReference<IDestinationHealthObserver>(observer);

    private static HealthReport Report(string gateway, int successes, int failures, IDestinationHealthObserver? observer = null) => new()
    {
        GatewayId = gateway,
        Policy = Policy,
        Successes = successes,
        Failures = failures,
        Observer = observer,
    };
}
