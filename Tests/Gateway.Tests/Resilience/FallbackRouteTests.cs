using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class FallbackRouteTests
{
    private static FallbackRoute Route(FallbackConditions conditions) => new([], conditions);

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(599, true)]
    [InlineData(404, false)]
    [InlineData(429, false)]
    [InlineData(200, false)]
    public void FallsBackOn_DefaultConditions_AnyServerErrorOnly(int status, bool fallsBack)
    {
        Assert.Equal(fallsBack, Route(FallbackConditions.Default).FallsBackOn(status));
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(502, true)]
    [InlineData(504, true)]
    public void FallsBackOn_GatewayError_Only502To504(int status, bool fallsBack)
    {
        Assert.Equal(fallsBack, Route(FallbackConditions.GatewayError).FallsBackOn(status));
    }

    [Theory]
    [InlineData((int)RejectionKind.CircuitOpen, (int)UpstreamOutcome.Rejected, FallbackConditions.CircuitOpen)]
    [InlineData((int)RejectionKind.UpstreamOverflow, (int)UpstreamOutcome.Rejected, FallbackConditions.CircuitOpen)]
    [InlineData((int)RejectionKind.NoHealthyUpstream, (int)UpstreamOutcome.Rejected, FallbackConditions.ConnectFailure)]
    [InlineData((int)RejectionKind.UpstreamTimeout, (int)UpstreamOutcome.Timeout, FallbackConditions.Timeout)]
    [InlineData((int)RejectionKind.UpstreamConnectFailure, (int)UpstreamOutcome.ConnectFailure, FallbackConditions.ConnectFailure)]
    [InlineData((int)RejectionKind.UpstreamConnectFailure, (int)UpstreamOutcome.Reset, FallbackConditions.Reset)]
    [InlineData((int)RejectionKind.UpstreamError, (int)UpstreamOutcome.Reset, FallbackConditions.Reset)]
    public void FallsBackOn_MeshError_OnlyUnderItsCondition(int kindValue, int outcomeValue, FallbackConditions condition)
    {
        var code = (RejectionKind)kindValue;
        var outcome = (UpstreamOutcome)outcomeValue;
        Assert.True(Route(condition).FallsBackOn(code, outcome));
        Assert.False(Route(FallbackConditions.Default & ~condition).FallsBackOn(code, outcome));
    }

    [Fact]
    public void FallsBackOn_RateLimited_Never()
    {
        Assert.False(Route(FallbackConditions.Default | FallbackConditions.GatewayError).FallsBackOn(RejectionKind.RateLimited, UpstreamOutcome.Rejected));
    }

    [Fact]
    public void Compile_RouteWithFallback_BuildsOneClusterPerFallbackInOrder()
    {
        var route = Mesh.RouteTo("large") with
        {
            Mesh = new MeshRoutePolicy { Fallback = new FallbackSettings { Destinations = [new Destination { Host = "small" }, new Destination { Host = "tiny" }], FailOn = FallbackConditions.ServerError } },
        };
        RouteTable[] tables =
        [
            Mesh.Table("large", Mesh.Service("large", Mesh.Workload("127.0.0.1")), null, Mesh.VirtualService("large", route)),
            Mesh.Table("small", Mesh.Service("small", Mesh.Workload("127.0.0.2"))),
            Mesh.Table("tiny", Mesh.Service("tiny", Mesh.Workload("127.0.0.3"))),
        ];

        var action = (ForwardAction)Mesh.Compile(tables).FindHost("large")!.Route(Requests.Get("/", host: "large"), out _)!.Action;

        Assert.Equal(["small", "tiny"], action.Fallback!.Destinations.Select(d => d.Cluster.Host));
        Assert.Equal(FallbackConditions.ServerError, action.Fallback.Conditions);
    }
}
