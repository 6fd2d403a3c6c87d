using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;
using OrleansMesh.Rollouts;
using OrleansMesh.Silo.Dashboard.Reading;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Dashboard.Tests.Dashboard.Reading;

public sealed class ServiceViewBuilderTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private static readonly RouteTable Table = new()
    {
        Host = "chat",
        VirtualServices =
        [
            new VirtualService
            {
                Metadata = new() { Name = "chat" },
                Spec = new()
                {
                    Hosts = ["chat"],
                    Http =
                    [
                        new HttpRoute
                        {
                            Name = "opt-in",
                            Match = [new HttpMatchRequest { Headers = ImmutableDictionary<string, StringMatch>.Empty.Add("x-canary", new StringMatch { Kind = StringMatchKind.Exact, Value = "true" }) }],
                            Route = [Route("v2", null)],
                        },
                        new HttpRoute { Name = "split", Route = [Route("v1", 80), Route("v2", 20)] },
                    ],
                },
            },
        ],
        DestinationRule = new DestinationRule
        {
            Metadata = new() { Name = "chat" },
            Spec = new() { Host = "chat", Subsets = [Subset("v1"), Subset("v2")] },
        },
        Service = new ServiceDefinition
        {
            Host = "chat",
            Ports = [new ServicePort { Number = 80, Name = "http" }],
            Endpoints = [Endpoint(9001, "v1"), Endpoint(9002, "v2")],
        },
    };

    [Fact]
    public void Build_Traffic_ObservedShareAmongTheSplitRoutesSubsets()
    {
        var telemetry = Telemetry(("v1", "127.0.0.1:9001", 75), ("v2", "127.0.0.1:9002", 25));

        var view = ServiceViewBuilder.Build(Table, telemetry, new Dictionary<string, DestinationHealth>(), [], Window);

        Assert.Equal([(80, 75.0), (20, 25.0)], view.Subsets.Select(s => (s.ConfiguredWeight!.Value, s.ObservedShare!.Value)));
        Assert.Equal([false, true], view.Routes.Select(r => r.Split));
        Assert.Equal("headers[x-canary] exact \"true\"", Assert.Single(view.Routes[0].Matches));
    }

    [Fact]
    public void Build_NoTraffic_NoObservedShare()
    {
        var view = ServiceViewBuilder.Build(Table, new ServiceTelemetry { Host = "chat" }, new Dictionary<string, DestinationHealth>(), [], Window);

        Assert.All(view.Subsets, s => Assert.Null(s.ObservedShare));
    }

    [Fact]
    public void Build_EndpointsByLabels_InTheirSubsetsWithTheirTraffic()
    {
        var telemetry = Telemetry(("v2", "127.0.0.1:9002", 6));

        var view = ServiceViewBuilder.Build(Table, telemetry, new Dictionary<string, DestinationHealth>(), [], Window);

        Assert.Equal([("127.0.0.1:9001", "v1", 0L), ("127.0.0.1:9002", "v2", 6L)], view.Endpoints.Select(e => (e.Address, Assert.Single(e.Subsets), e.Figures.Requests)));
    }

    [Fact]
    public void Build_BreakerHeldOpen_ShownWithReasonAndTimeLeft()
    {
        var health = new Dictionary<string, DestinationHealth>
        {
            [DestinationKey.Of("chat", "v2")] = new() { Destination = "chat|v2", State = BreakerState.Open, Override = BreakerOverride.ForcedOpen, Reason = "held open", OpenRemaining = TimeSpan.FromSeconds(5) },
        };

        var v2 = ServiceViewBuilder.Build(Table, new ServiceTelemetry { Host = "chat" }, health, [], Window).Subsets[1].Breaker;

        Assert.Equal(("Open", "ForcedOpen", "held open", 5.0), (v2.State, v2.Override, v2.Reason, v2.OpenRemainingSeconds));
    }

    [Fact]
    public void Build_RolloutLiveWeight_RouteWeightsAsTheGatewaysApplyThem()
    {
        LiveWeight live = new() { Rollout = new(ResourceKind.Rollout, "default", "chat"), Host = "chat", Stable = "v1", Canary = "v2", CanaryWeight = 40 };

        var view = ServiceViewBuilder.Build(Table, new ServiceTelemetry { Host = "chat" }, new Dictionary<string, DestinationHealth>(), [live], Window);

        Assert.Equal([60, 40], view.Subsets.Select(s => s.ConfiguredWeight!.Value));
        Assert.StartsWith("weights set by rollout default/chat", view.Routes[1].Other, StringComparison.Ordinal);
    }

    private static HttpRouteDestination Route(string subset, int? weight) => new() { Destination = new() { Host = "chat", Subset = subset }, Weight = weight };

    private static Subset Subset(string name) => new() { Name = name, Labels = ImmutableDictionary<string, string>.Empty.Add("version", name) };

    private static WorkloadEntrySpec Endpoint(uint port, string version) => new()
    {
        Address = "127.0.0.1",
        Ports = ImmutableDictionary<string, uint>.Empty.Add("http", port),
        Labels = ImmutableDictionary<string, string>.Empty.Add("version", version),
    };

    private static ServiceTelemetry Telemetry(params (string Subset, string Endpoint, long Requests)[] samples)
    {
        var endpoints = samples.Select(s => new DestinationSample { Host = "chat", Subset = s.Subset, Endpoint = s.Endpoint, Requests = s.Requests, Success = s.Requests }).ToImmutableArray();
        return new ServiceTelemetry
        {
            Host = "chat",
            Window = Window,
            Endpoints = endpoints,
            Subsets = [.. endpoints.Select(e => e with { Endpoint = "" })],
        };
    }
}
