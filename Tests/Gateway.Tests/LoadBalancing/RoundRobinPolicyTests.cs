using OrleansMesh.Gateway.LoadBalancing;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

public sealed class RoundRobinPolicyTests
{
    [Fact]
    public void Pick_ManyRequests_SpreadsEvenly()
    {
        var endpoints = Endpoints.Create(3);

        Assert.Equal([100, 100, 100], Endpoints.Tally(new RoundRobinPolicy(12345), endpoints, 300));
    }

    [Fact]
    public void Pick_ConsecutiveRequests_VisitEveryEndpointBeforeRepeating()
    {
        var endpoints = Endpoints.Create(4);
        var policy = new RoundRobinPolicy(7);

        var cycle = Enumerable.Range(0, 4).Select(_ => policy.Pick(endpoints)).ToArray();

        Assert.Equal(4, cycle.Distinct().Count());
    }

    [Fact]
    public void Pick_CounterPassesIntMaxValue_KeepsCycling()
    {
        var endpoints = Endpoints.Create(3);
        var policy = new RoundRobinPolicy(int.MaxValue - 4);

        var picks = Enumerable.Range(0, 9).Select(_ => Array.IndexOf(endpoints, policy.Pick(endpoints))).ToArray();

        Assert.Equal([picks[0], picks[1], picks[2], picks[0], picks[1], picks[2], picks[0], picks[1], picks[2]], picks);
    }

    [Fact]
    public void Name_IsIstioName()
    {
        Assert.Equal("ROUND_ROBIN", new RoundRobinPolicy(0).Name);
    }
}
