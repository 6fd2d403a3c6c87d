using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Abstractions.Tests.Rollouts;

public sealed class LiveWeightOverlayTests
{
    private static readonly LiveWeight Weight = new()
    {
        Rollout = new(ResourceKind.Rollout, "default", "chat"),
        Host = "chat-model",
        Stable = "v1",
        Canary = "v2",
        CanaryWeight = 30,
    };

    [Fact]
    public void Apply_RouteSplittingStableAndCanary_SplitsTheirShareByTheLiveWeight()
    {
        var route = Route(("chat-model", "v1", 90), ("chat-model", "v2", 10));

        var applied = LiveWeightOverlay.Apply(route, Weight);

        Assert.Equal([("v1", 70), ("v2", 30)], applied.Select(d => (d.Destination.Subset, d.Weight ?? -1)));
    }

    [Fact]
    public void Apply_RouteToStableOnly_AddsTheCanary()
    {
        var route = Route(("chat-model", "v1", null));

        var applied = LiveWeightOverlay.Apply(route, Weight);

        Assert.Equal([("chat-model", "v1", 70), ("chat-model", "v2", 30)], applied.Select(d => (d.Destination.Host, d.Destination.Subset, d.Weight ?? -1)));
    }

    [Fact]
    public void Apply_RouteWithAnotherHost_KeepsThatHostsShare()
    {
        var route = Route(("other", null, 50), ("chat-model", "v1", 50));

        var applied = LiveWeightOverlay.Apply(route, Weight);

        Assert.Equal([("other", null, 50), ("chat-model", "v1", 35), ("chat-model", "v2", 15)], applied.Select(d => (d.Destination.Host, d.Destination.Subset, d.Weight ?? -1)));
    }

    [Fact]
    public void Find_RouteToCanaryOnly_IsNotDriven()
    {
        var optIn = Route(("chat-model", "v2", null));

        Assert.Null(LiveWeightOverlay.Find(optIn, [Weight]));
    }

    [Fact]
    public void Find_HostInOtherCase_Drives()
    {
        var route = Route(("Chat-Model", "v1", null));

        Assert.Same(Weight, LiveWeightOverlay.Find(route, [Weight]));
    }

    [Fact]
    public void Apply_SplitAsWritten_LeavesRouteUnchanged()
    {
        var route = Route(("chat-model", "v1", 80), ("chat-model", "v2", 20));

        var applied = LiveWeightOverlay.Apply(route, Weight with { CanaryWeight = null, Sticky = true });

        Assert.Equal(route.Route, applied);
    }

    [Fact]
    public void Apply_Promoted_GivesStableZero()
    {
        var route = Route(("chat-model", "v1", 100));

        var applied = LiveWeightOverlay.Apply(route, Weight with { CanaryWeight = 100 });

        Assert.Equal([("v1", 0), ("v2", 100)], applied.Select(d => (d.Destination.Subset, d.Weight ?? -1)));
    }

    private static HttpRoute Route(params (string Host, string? Subset, int? Weight)[] destinations) => new()
    {
        Route = [.. destinations.Select(d => new HttpRouteDestination { Destination = new Destination { Host = d.Host, Subset = d.Subset }, Weight = d.Weight })],
    };
}
