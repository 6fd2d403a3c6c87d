using OrleansMesh.Gateway.LoadBalancing;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

public sealed class LeastRequestPolicyTests
{
    [Fact]
    public void Pick_TwoEndpointsOneBusy_NeverPicksTheBusyOne()
    {
        var endpoints = Endpoints.Create(2);
        endpoints[0].State.OnRequestStarted();

        var counts = Endpoints.Tally(new LeastRequestPolicy(new Random(42)), endpoints, 1000);

        Assert.Equal([0, 1000], counts);
    }

    [Fact]
    public void Pick_ManyEndpointsOneBusy_NeverPicksTheBusyOne()
    {
        // Power of two choices draws two distinct endpoints, so the busiest one always loses its comparison.
        var endpoints = Endpoints.Create(4);
        endpoints[2].State.OnRequestStarted();
        endpoints[2].State.OnRequestStarted();

        var counts = Endpoints.Tally(new LeastRequestPolicy(new Random(42)), endpoints, 1000);

        Assert.Equal(0, counts[2]);
    }

    [Fact]
    public void Pick_AllIdle_ReachesEveryEndpoint()
    {
        var endpoints = Endpoints.Create(4);

        var counts = Endpoints.Tally(new LeastRequestPolicy(new Random(42)), endpoints, 1000);

        Assert.All(counts, c => Assert.InRange(c, 150, 350));
    }

    [Fact]
    public void Pick_FinishedRequest_MakesEndpointEligibleAgain()
    {
        var endpoints = Endpoints.Create(2);
        endpoints[0].State.OnRequestStarted();
        endpoints[1].State.OnRequestStarted();
        endpoints[1].State.OnRequestStarted();
        endpoints[1].State.OnRequestFinished();
        endpoints[1].State.OnRequestFinished();

        var counts = Endpoints.Tally(new LeastRequestPolicy(new Random(42)), endpoints, 100);

        Assert.Equal([0, 100], counts);
    }

    [Fact]
    public void Pick_SingleEndpoint_ReturnsIt()
    {
        var endpoints = Endpoints.Create(1);
        endpoints[0].State.OnRequestStarted();

        Assert.Same(endpoints[0], new LeastRequestPolicy(new Random(42)).Pick(endpoints));
    }
}
