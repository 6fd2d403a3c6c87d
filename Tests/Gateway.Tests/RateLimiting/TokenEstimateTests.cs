using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Tests.RateLimiting;

public sealed class TokenEstimateTests
{
    private static readonly TokenEstimateSettings Defaults = new();

    [Fact]
    public void Of_MaxTokensGiven_BodyQuarterPlusMaxTokens()
    {
        Assert.Equal(250 + 100, TokenEstimate.Of(1_000, 100, Defaults));
    }

    [Fact]
    public void Of_NoMaxTokens_UsesDefaultOutputTokens()
    {
        Assert.Equal(10 + 64, TokenEstimate.Of(43, null, new TokenEstimateSettings { DefaultOutputTokens = 64 }));
    }

    [Fact]
    public void Of_HugeBody_SaturatesInsteadOfOverflowing()
    {
        Assert.Equal(int.MaxValue, TokenEstimate.Of(long.MaxValue, 10, Defaults));
    }
}
