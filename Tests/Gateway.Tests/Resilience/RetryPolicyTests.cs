using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class RetryPolicyTests
{
    [Fact]
    public void FromIstio_NoRetries_IsIstiosDefaultOfTwo()
    {
        var policy = RetryPolicy.FromIstio(null);

        Assert.Equal(2, policy!.MaxRetries);
        Assert.Same(RetryOn.IstioDefault, policy.RetryOn);
        Assert.Null(policy.PerTryTimeout);
    }

    [Fact]
    public void FromIstio_ZeroAttempts_DisablesRetries()
    {
        Assert.Null(RetryPolicy.FromIstio(new HttpRetry { Attempts = 0, RetryOn = "5xx" }));
    }

    [Fact]
    public void FromIstio_AttemptsWithoutRetryOn_KeepsTheDefaultConditions()
    {
        var policy = RetryPolicy.FromIstio(new HttpRetry { Attempts = 4 });

        Assert.Equal(4, policy!.MaxRetries);
        Assert.Same(RetryOn.IstioDefault, policy.RetryOn);
    }

    [Fact]
    public void FromIstio_RetryOn_ReplacesTheDefaultIncluding503()
    {
        var policy = RetryPolicy.FromIstio(new HttpRetry { Attempts = 3, RetryOn = "connect-failure" });

        Assert.False(policy!.RetryOn.MatchesStatus(503));
    }

    [Fact]
    public void FromIstio_PerTryTimeout_IsKept()
    {
        var policy = RetryPolicy.FromIstio(new HttpRetry { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(TimeSpan.FromSeconds(2), policy!.PerTryTimeout);
    }
}
