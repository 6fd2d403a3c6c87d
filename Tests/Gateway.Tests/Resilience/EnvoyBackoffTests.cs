using OrleansMesh.Gateway.Resilience;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class EnvoyBackoffTests
{
    [Theory]
    [InlineData(1, 25)]
    [InlineData(2, 75)]
    [InlineData(3, 175)]
    [InlineData(4, 250)]
    [InlineData(30, 250)]
    public void Next_ManyDraws_StayBelowEnvoysCeiling(int retry, int ceilingMs)
    {
        var backoff = new EnvoyBackoff(new Random(7));

        var delays = Enumerable.Range(0, 1_000).Select(_ => backoff.Next(retry)).ToArray();

        Assert.All(delays, d => Assert.InRange(d.TotalMilliseconds, 0, ceilingMs));
    }

    [Fact]
    public void Next_ManyDraws_AreJittered()
    {
        var backoff = new EnvoyBackoff(new Random(7));

        var distinct = Enumerable.Range(0, 200).Select(_ => backoff.Next(3)).Distinct().Count();

        Assert.True(distinct > 50, $"only {distinct} distinct delays");
    }
}
