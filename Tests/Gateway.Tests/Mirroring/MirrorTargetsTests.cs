using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Mirroring;

public sealed class MirrorTargetsTests
{
    private static ForwardAction Compile(HttpRoute route)
    {
        RouteTable[] tables =
        [
            Mesh.Table("chat", Mesh.Service("chat", Mesh.Workload("127.0.0.1")), null, Mesh.VirtualService("chat", route)),
            Mesh.Table("chat-next", Mesh.Service("chat-next", Mesh.Workload("127.0.0.2", "v2"))),
        ];
        var host = Mesh.Compile(tables).FindHost("chat")!;
        return (ForwardAction)host.Route(Requests.Get("/", host: "chat"), out _)!.Action;
    }

    [Fact]
    public void Compile_MirrorWithoutPercentage_MirrorsEveryRequest()
    {
        var action = Compile(Mesh.RouteTo("chat") with { Mirror = new Destination { Host = "chat-next" } });

        var target = Assert.Single(action.Mirrors);
        Assert.Equal(100, target.Percentage);
        Assert.Equal("chat-next", target.Cluster.Host);
        Assert.Equal("127.0.0.2", Assert.Single(target.Cluster.Endpoints).Address);
    }

    [Fact]
    public void Compile_MirrorsList_KeepsEachPercentage()
    {
        var action = Compile(Mesh.RouteTo("chat") with
        {
            Mirrors = [new HttpMirrorPolicy { Destination = new Destination { Host = "chat-next" }, Percentage = new Percent { Value = 25 } }],
        });

        Assert.Equal(25, Assert.Single(action.Mirrors).Percentage);
    }

    [Fact]
    public void Compile_NoMirror_HasNoTargets()
    {
        Assert.Empty(Compile(Mesh.RouteTo("chat")).Mirrors);
    }

    [Theory]
    [InlineData(0, 0.0, false)]
    [InlineData(25, 0.2499, true)]
    [InlineData(25, 0.25, false)]
    [InlineData(100, 0.9999, true)]
    public void Selects_Roll_ComparesWithThePercentage(double percentage, double roll, bool selected)
    {
        var action = Compile(Mesh.RouteTo("chat") with { Mirror = new Destination { Host = "chat-next" }, MirrorPercentage = new Percent { Value = percentage } });

        Assert.Equal(selected, Assert.Single(action.Mirrors).Selects(roll));
    }
}
