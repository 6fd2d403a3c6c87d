using OrleansMesh.Gateway.Resilience;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class ClusterResilienceTests
{
    [Fact]
    public void ShouldCloseConnection_OneRequestPerConnection_ClosesEveryRequest()
    {
        var cluster = new ClusterResilience(new ConnectionPoolPolicy { MaxRequestsPerConnection = 1 }, http2: false, invoker: null);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(cluster.ShouldCloseConnection()));
    }

    [Fact]
    public void ShouldCloseConnection_ThreePerConnection_ClosesEveryThirdRequest()
    {
        var cluster = new ClusterResilience(new ConnectionPoolPolicy { MaxRequestsPerConnection = 3 }, http2: false, invoker: null);

        Assert.Equal([false, false, true, false, false, true], Enumerable.Range(0, 6).Select(_ => cluster.ShouldCloseConnection()));
    }

    [Fact]
    public void ShouldCloseConnection_Unlimited_NeverCloses()
    {
        Assert.False(ClusterResilience.Unlimited.ShouldCloseConnection());
    }

    [Fact]
    public void Limits_MaxRetries_GiveARetryLimiter()
    {
        var cluster = new ClusterResilience(new ConnectionPoolPolicy { MaxRetries = 4 }, http2: false, invoker: null);

        Assert.Equal(4, cluster.Retries!.Limit);
        Assert.Null(cluster.Requests);
    }
}
