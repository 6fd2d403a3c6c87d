using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Tests.Health;

public sealed class LocalHealthTests
{
    private static readonly DestinationPolicy s_policy = new()
    {
        Breaker = new CircuitBreakerSettings { MinimumRequests = 4, BreakDuration = TimeSpan.FromSeconds(5), HalfOpenProbes = 1 },
        OutlierDetection = new OutlierDetection { Consecutive5xxErrors = 2, MaxEjectionPercent = 100 },
    };

    private readonly FakeTimeProvider _time = new();
    private readonly DestinationHealthState _state;

    public LocalHealthTests()
    {
        _state = new HealthRegistry(_time).Get("ratings");
        _state.Configure(s_policy, ["10.0.0.1:80", "10.0.0.2:80"]);
    }

    [Fact]
    public void Publish_SharedStateWasOpen_StaysOpenForTheTimeLeft()
    {
        _state.Apply(new DestinationHealth { Destination = "ratings", State = BreakerState.Open, OpenRemaining = TimeSpan.FromSeconds(3), Version = 1, Incarnation = Guid.NewGuid() });
        var local = new LocalHealth(s_policy, _state, _time);

        _time.Advance(TimeSpan.FromSeconds(2));
        local.Publish(_state);
        Assert.Equal(Admission.Rejected, _state.Admit());

        _time.Advance(TimeSpan.FromSeconds(1));
        local.Publish(_state);
        Assert.Equal(BreakerState.HalfOpen, _state.View.State);
    }

    [Fact]
    public void Feed_FailuresOverThreshold_OpensTheLocalBreaker()
    {
        var local = new LocalHealth(s_policy, _state, _time);

        local.Feed(new HealthReport { Successes = 1, Failures = 3, EndpointCount = 2 });
        local.Publish(_state);

        Assert.Equal(BreakerState.Open, _state.View.State);
        Assert.Equal(Admission.Rejected, _state.Admit());
    }

    [Fact]
    public void GrantProbes_HalfOpen_GrantsTheConfiguredNumberOnly()
    {
        _state.Apply(new DestinationHealth { Destination = "ratings", State = BreakerState.Open, OpenRemaining = TimeSpan.Zero, Version = 1, Incarnation = Guid.NewGuid() });
        var local = new LocalHealth(s_policy, _state, _time);

        Assert.Equal(1, local.GrantProbes(1));
        Assert.Equal(0, local.GrantProbes(1));
    }

    [Fact]
    public void Publish_InheritedEjection_KeptUntilItsTimeIsUp()
    {
        var endpoint = _state.Endpoint("10.0.0.1:80");
        _state.Apply(new DestinationHealth
        {
            Destination = "ratings",
            Version = 1,
            Incarnation = Guid.NewGuid(),
            Ejected = [new EjectedEndpoint { Address = "10.0.0.1:80", Remaining = TimeSpan.FromSeconds(10), Ejections = 1 }],
        });
        var local = new LocalHealth(s_policy, _state, _time);

        _time.Advance(TimeSpan.FromSeconds(9));
        local.Publish(_state);
        Assert.True(endpoint.IsEjected(_time.GetTimestamp()));

        _time.Advance(TimeSpan.FromSeconds(1));
        local.Publish(_state);
        Assert.False(_state.AnyEjected);
    }

    [Fact]
    public void Feed_ConsecutiveErrors_EjectsLocally()
    {
        var local = new LocalHealth(s_policy, _state, _time);

        local.Feed(new HealthReport { EndpointCount = 2, Endpoints = [new EndpointOutcomes { Address = "10.0.0.2:80", Requests = 2, ServerErrors = 2, GatewayErrors = 2, TrailingServerErrors = 2, TrailingGatewayErrors = 2 }] });
        local.Publish(_state);

        Assert.True(_state.Endpoint("10.0.0.2:80").IsEjected(_time.GetTimestamp()));
    }
}
