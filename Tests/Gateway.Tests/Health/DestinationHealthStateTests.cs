using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Tests.Health;

public sealed class DestinationHealthStateTests
{
    private static readonly DestinationPolicy s_policy = new() { Breaker = new CircuitBreakerSettings(), OutlierDetection = new OutlierDetection { Consecutive5xxErrors = 2 } };
    private readonly FakeTimeProvider _time = new();
    private readonly DestinationHealthState _state;

    public DestinationHealthStateTests()
    {
        _state = new HealthRegistry(_time).Get("ratings|v1");
        _state.Configure(s_policy, ["10.0.0.1:80", "10.0.0.2:80"]);
    }

    [Fact]
    public void Admit_Initially_Allows()
    {
        Assert.Equal(Admission.Allowed, _state.Admit());
    }

    [Fact]
    public void Admit_OpenWithTimeLeft_Rejects()
    {
        _state.Apply(Health(BreakerState.Open, version: 1, openRemaining: TimeSpan.FromSeconds(5)));

        Assert.Equal(Admission.Rejected, _state.Admit());
    }

    [Fact]
    public void Admit_OpenPastItsBreak_RejectsAndAsksForProbes()
    {
        _state.Apply(Health(BreakerState.Open, version: 1, openRemaining: TimeSpan.FromSeconds(5)));
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(Admission.Rejected, _state.Admit());
        Assert.True(_state.WantsProbes);
    }

    [Fact]
    public void Admit_HalfOpenWithPermits_LetsExactlyThatManyProbesThrough()
    {
        _state.Apply(Health(BreakerState.HalfOpen, version: 1));
        _state.AddPermits(2);

        var admissions = Enumerable.Range(0, 4).Select(_ => _state.Admit()).ToList();

        Assert.Equal([Admission.Probe, Admission.Probe, Admission.Rejected, Admission.Rejected], admissions);
    }

    [Fact]
    public void Apply_OlderVersionOfSameIncarnation_IsIgnored()
    {
        var incarnation = Guid.NewGuid();
        _state.Apply(Health(BreakerState.Open, version: 5, openRemaining: TimeSpan.FromSeconds(5), incarnation: incarnation));

        var applied = _state.Apply(Health(BreakerState.Closed, version: 4, incarnation: incarnation));

        Assert.False(applied);
        Assert.Equal(BreakerState.Open, _state.View.State);
    }

    [Fact]
    public void Apply_NewIncarnation_ReplacesWhateverItsVersion()
    {
        _state.Apply(Health(BreakerState.Open, version: 5, openRemaining: TimeSpan.FromSeconds(5)));

        var applied = _state.Apply(Health(BreakerState.Closed, version: 1));

        Assert.True(applied);
        Assert.Equal(Admission.Allowed, _state.Admit());
    }

    [Fact]
    public void Apply_LeavingHalfOpen_DropsUnusedPermits()
    {
        var incarnation = Guid.NewGuid();
        _state.Apply(Health(BreakerState.HalfOpen, version: 1, incarnation: incarnation));
        _state.AddPermits(3);

        _state.Apply(Health(BreakerState.HalfOpen, version: 2, incarnation: incarnation) with { State = BreakerState.Open, OpenRemaining = TimeSpan.Zero });

        Assert.Equal(Admission.Rejected, _state.Admit());
    }

    [Fact]
    public void Apply_EjectedEndpoint_IsEjectedUntilItsTimeIsUp()
    {
        var endpoint = _state.Endpoint("10.0.0.1:80");
        _state.Apply(Health(BreakerState.Closed, version: 1) with { Ejected = [new EjectedEndpoint { Address = "10.0.0.1:80", Remaining = TimeSpan.FromSeconds(30), Ejections = 1 }] });

        Assert.True(_state.AnyEjected);
        Assert.True(endpoint.IsEjected(_time.GetTimestamp()));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(endpoint.IsEjected(_time.GetTimestamp()));
    }

    [Fact]
    public void TakeReport_CountsBreakerAndEndpointOutcomes()
    {
        var endpoint = _state.Endpoint("10.0.0.1:80");
        _state.Record(endpoint, UpstreamOutcome.Success, Admission.Allowed);
        _state.Record(endpoint, UpstreamOutcome.GatewayError, Admission.Allowed);
        _state.Record(endpoint, UpstreamOutcome.ConnectFailure, Admission.Allowed);

        var report = _state.TakeReport("gw", null)!;

        Assert.Equal((1, 2), (report.Successes, report.Failures));
        var outcomes = Assert.Single(report.Endpoints);
        Assert.Equal(new EndpointOutcomes { Address = "10.0.0.1:80", Requests = 3, ServerErrors = 2, GatewayErrors = 2, TrailingServerErrors = 2, TrailingGatewayErrors = 2 }, outcomes);
        Assert.Equal(2, report.EndpointCount);
    }

    [Fact]
    public void TakeReport_NothingNew_ReturnsNull()
    {
        _state.Record(_state.Endpoint("10.0.0.1:80"), UpstreamOutcome.Success, Admission.Allowed);
        _state.TakeReport("gw", null);

        Assert.Null(_state.TakeReport("gw", null));
    }

    [Fact]
    public void Record_ProbeOutcome_CountsAsProbe()
    {
        _state.Record(_state.Endpoint("10.0.0.1:80"), UpstreamOutcome.ServerError, Admission.Probe);

        var report = _state.TakeReport("gw", null)!;

        Assert.Equal((0, 0, 0, 1), (report.Successes, report.Failures, report.ProbeSuccesses, report.ProbeFailures));
    }

    [Fact]
    public void Record_CancelledProbe_IsNeitherReportedNorReused()
    {
        _state.Apply(Health(BreakerState.HalfOpen, version: 1));
        _state.AddPermits(1);
        Assert.Equal(Admission.Probe, _state.Admit());

        _state.Record(_state.Endpoint("10.0.0.1:80"), UpstreamOutcome.Cancelled, Admission.Probe);

        Assert.Equal(Admission.Rejected, _state.Admit());
        Assert.Null(_state.TakeReport("gw", null));
    }

    [Theory]
    [InlineData(UpstreamOutcome.ServerError, FailureConditions.GatewayError, false)]
    [InlineData(UpstreamOutcome.GatewayError, FailureConditions.GatewayError, true)]
    [InlineData(UpstreamOutcome.GatewayError, FailureConditions.ServerError, true)]
    [InlineData(UpstreamOutcome.Timeout, FailureConditions.ServerError, false)]
    [InlineData(UpstreamOutcome.Timeout, FailureConditions.Default, true)]
    [InlineData(UpstreamOutcome.Reset, FailureConditions.Reset, true)]
    [InlineData(UpstreamOutcome.ConnectFailure, FailureConditions.ConnectFailure, true)]
    [InlineData(UpstreamOutcome.Success, FailureConditions.Default, false)]
    public void IsFailure_FollowsFailOn(object outcome, FailureConditions failOn, bool failure)
    {
        Assert.Equal(failure, OutcomeKinds.IsFailure((UpstreamOutcome)outcome, failOn));
    }

    [Fact]
    public void Record_Success_IsPendingForTheNextTick()
    {
        _state.Record(_state.Endpoint("10.0.0.1:80"), UpstreamOutcome.Success, Admission.Allowed);

        Assert.True(_state.HasPending);
        Assert.False(_state.IsUrgent);
    }

    [Fact]
    public void Record_Failure_IsUrgent()
    {
        _state.Record(_state.Endpoint("10.0.0.1:80"), UpstreamOutcome.GatewayError, Admission.Allowed);

        Assert.True(_state.IsUrgent);
    }

    [Fact]
    public void TakeReport_ClearsPendingAndUrgent()
    {
        _state.Record(_state.Endpoint("10.0.0.1:80"), UpstreamOutcome.GatewayError, Admission.Allowed);

        _state.TakeReport("gw", null);

        Assert.False(_state.HasPending);
        Assert.False(_state.IsUrgent);
    }

    [Fact]
    public void MarkDue_WithOutcomesPending_MakesThemUrgent()
    {
        _state.Record(_state.Endpoint("10.0.0.1:80"), UpstreamOutcome.Success, Admission.Allowed);

        _state.MarkDue();

        Assert.True(_state.IsUrgent);
    }

    [Fact]
    public void MarkDue_WithNothingPending_LeavesItIdle()
    {
        _state.MarkDue();

        Assert.False(_state.IsUrgent);
    }

    private static DestinationHealth Health(BreakerState state, long version, TimeSpan openRemaining = default, Guid? incarnation = null) => new()
    {
        Destination = "ratings|v1",
        State = state,
        Version = version,
        OpenRemaining = openRemaining,
        Incarnation = incarnation ?? Guid.NewGuid(),
    };
}
