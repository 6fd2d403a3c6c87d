using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Resilience;

/// <summary>What the snapshot compiler attaches to routes and clusters.</summary>
public sealed class ResilienceCompileTests
{
    [Fact]
    public void Compile_RouteWithoutRetries_GetsIstiosDefaultRetries()
    {
        var action = Forward(Compile(Table("svc", Service("svc", Workload("127.0.0.1")))), "svc");

        Assert.Same(RetryPolicy.IstioDefault, action.Resilience.Retry);
    }

    [Fact]
    public void Compile_RouteFault_IsCompiled()
    {
        var route = RouteTo("svc") with { Fault = new HttpFaultInjection { Abort = new FaultAbort { HttpStatus = 500 } } };

        var action = Forward(Compile(Table("svc", Service("svc", Workload("127.0.0.1")), null, VirtualService("svc", route))), "svc");

        Assert.Equal(500, action.Resilience.Fault!.AbortStatus);
    }

    [Fact]
    public void Compile_DestinationRuleConnectionPool_LimitsTheCluster()
    {
        var rule = new DestinationRule
        {
            Metadata = new ResourceMetadata { Name = "svc" },
            Spec = new DestinationRuleSpec
            {
                Host = "svc",
                TrafficPolicy = new TrafficPolicy { ConnectionPool = new ConnectionPoolSettings { Http = new HttpSettings { Http2MaxRequests = 7, MaxRetries = 2 } } },
            },
        };

        var cluster = Forward(Compile(Table("svc", Service("svc", Workload("127.0.0.1")), rule)), "svc").Destinations[0].Cluster;

        Assert.Equal((7, 2), (cluster.Resilience.Requests!.Limit, cluster.Resilience.Retries!.Limit));
    }

    [Fact]
    public void Compile_NoConnectionPool_ClusterIsUnlimited()
    {
        var cluster = Forward(Compile(Table("svc", Service("svc", Workload("127.0.0.1")))), "svc").Destinations[0].Cluster;

        Assert.Same(ClusterResilience.Unlimited, cluster.Resilience);
    }

    private static ForwardAction Forward(RoutingSnapshot snapshot, string host)
        => Assert.IsType<ForwardAction>(snapshot.FindHost(host)!.Routes[0].Action);
}
