using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class ConnectionPoolPolicyTests
{
    [Fact]
    public void From_NoSettings_IsNull()
    {
        Assert.Null(ConnectionPoolPolicy.From(null));
    }

    [Fact]
    public void From_OnlyZeros_IsNullAsEnvoysUnlimitedDefault()
    {
        Assert.Null(ConnectionPoolPolicy.From(new ConnectionPoolSettings { Http = new HttpSettings { Http2MaxRequests = 0, MaxRetries = 0 } }));
    }

    [Fact]
    public void AdmissionLimit_Http1WithOneConnectionAndOnePending_IsTwo()
    {
        var policy = ConnectionPoolPolicy.From(new ConnectionPoolSettings
        {
            Tcp = new TcpSettings { MaxConnections = 1 },
            Http = new HttpSettings { Http1MaxPendingRequests = 1 },
        })!;

        Assert.Equal(2, policy.AdmissionLimit(http2: false));
    }

    [Fact]
    public void AdmissionLimit_MaxRequestsBelowConnectionsPlusPending_IsMaxRequests()
    {
        var policy = ConnectionPoolPolicy.From(new ConnectionPoolSettings
        {
            Tcp = new TcpSettings { MaxConnections = 10 },
            Http = new HttpSettings { Http1MaxPendingRequests = 10, Http2MaxRequests = 5 },
        })!;

        Assert.Equal(5, policy.AdmissionLimit(http2: false));
    }

    [Fact]
    public void AdmissionLimit_Http2_IgnoresPendingRequests()
    {
        var policy = ConnectionPoolPolicy.From(new ConnectionPoolSettings
        {
            Tcp = new TcpSettings { MaxConnections = 1 },
            Http = new HttpSettings { Http1MaxPendingRequests = 1 },
        })!;

        Assert.Null(policy.AdmissionLimit(http2: true));
    }

    [Fact]
    public void AdmissionLimit_PendingWithoutConnectionLimit_IsUnlimited()
    {
        var policy = ConnectionPoolPolicy.From(new ConnectionPoolSettings { Http = new HttpSettings { Http1MaxPendingRequests = 1 } })!;

        Assert.Null(policy.AdmissionLimit(http2: false));
    }

    [Fact]
    public void NeedsOwnPool_OnlyRequestLimits_IsFalse()
    {
        var policy = ConnectionPoolPolicy.From(new ConnectionPoolSettings { Http = new HttpSettings { Http2MaxRequests = 3, MaxRetries = 1 } })!;

        Assert.False(policy.NeedsOwnPool);
    }

    [Fact]
    public void NeedsOwnPool_ConnectTimeout_IsTrue()
    {
        var policy = ConnectionPoolPolicy.From(new ConnectionPoolSettings { Tcp = new TcpSettings { ConnectTimeout = TimeSpan.FromSeconds(1) } })!;

        Assert.True(policy.NeedsOwnPool);
    }

    // istio/api destination_rule.proto ConnectionPoolSettings.HTTPSettings.http2KeepAlive: HTTP/2 PINGs upstream.
    [Fact]
    public void From_Http2KeepAlive_NeedsOwnPoolWithPingSettings()
    {
        var policy = ConnectionPoolPolicy.From(new ConnectionPoolSettings
        {
            Http = new HttpSettings { Http2KeepAlive = new Http2KeepAlive { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(3) } },
        });

        Assert.True(policy?.NeedsOwnPool);
        Assert.Equal(TimeSpan.FromSeconds(10), policy?.KeepAlivePingInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), policy?.KeepAlivePingTimeout);
    }

    [Fact]
    public void Create_KeepAlivePolicy_SetsHandlerPingsAlways()
    {
        SocketsHttpHandler? built = null;
        var policy = new ConnectionPoolPolicy { KeepAlivePingInterval = TimeSpan.FromSeconds(10), KeepAlivePingTimeout = TimeSpan.FromSeconds(3) };

        using var invoker = UpstreamHandlerFactory.Create("c", policy, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), h => built = h);

        Assert.Equal(TimeSpan.FromSeconds(10), built?.KeepAlivePingDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), built?.KeepAlivePingTimeout);
        Assert.Equal(HttpKeepAlivePingPolicy.Always, built?.KeepAlivePingPolicy);
    }

    [Fact]
    public void Create_Policy_BuiltByYarpsFactoryWithTheLimitTimeoutsAndProxyDefaults()
    {
        SocketsHttpHandler? built = null;
        var policy = new ConnectionPoolPolicy { MaxConnections = 7, ConnectTimeout = TimeSpan.FromSeconds(2), MaxConnectionDuration = TimeSpan.FromMinutes(5) };

        using var invoker = UpstreamHandlerFactory.Create("c", policy, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), h => built = h);

        Assert.Equal((7, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)), (built!.MaxConnectionsPerServer, built.ConnectTimeout, built.PooledConnectionIdleTimeout, built.PooledConnectionLifetime));
        Assert.Equal((false, false, false, true), (built.UseProxy, built.AllowAutoRedirect, built.UseCookies, built.EnableMultipleHttp2Connections));
        Assert.Same(OrleansMesh.Gateway.Telemetry.MeshTracePropagator.Instance, built.ActivityHeadersPropagator);
    }
}
