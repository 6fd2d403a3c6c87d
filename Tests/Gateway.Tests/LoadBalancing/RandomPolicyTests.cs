using OrleansMesh.Gateway.LoadBalancing;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

public sealed class RandomPolicyTests
{
    [Fact]
    public void Pick_ManyRequests_ReachesEveryEndpoint()
    {
        var endpoints = Endpoints.Create(5);

        var counts = Endpoints.Tally(new RandomPolicy(new Random(42)), endpoints, 1000);

        Assert.All(counts, c => Assert.InRange(c, 150, 250));
    }

    [Fact]
    public void Name_IsIstioName()
    {
        Assert.Equal("RANDOM", new RandomPolicy(new Random(1)).Name);
    }
}
