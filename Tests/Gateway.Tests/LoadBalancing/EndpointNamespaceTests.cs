using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

/// <summary>Compiled endpoints carry their service's namespace, which decides the security policies applying to them.</summary>
public sealed class EndpointNamespaceTests
{
    [Fact]
    public void Get_ServiceInNamespace_EveryEndpointInIt()
    {
        var service = Service("reviews", Workload("127.0.0.1", "v1"), Workload("127.0.0.2", "v2")) with { Namespace = "team-a" };

        var cluster = Get(new Destination { Host = "reviews" }, Table("reviews", service));

        Assert.Equal(["team-a", "team-a"], cluster.Endpoints.Select(e => e.Namespace));
    }

    [Fact]
    public void Get_ServiceWithoutNamespace_EndpointsInDefault()
    {
        var cluster = Get(new Destination { Host = "reviews" }, Table("reviews", Service("reviews", Workload("127.0.0.1"))));

        Assert.Equal("default", Assert.Single(cluster.Endpoints).Namespace);
    }

    private static UpstreamCluster Get(Destination destination, RouteTable table) =>
        new ClusterBuilder(new Dictionary<string, RouteTable>(StringComparer.OrdinalIgnoreCase) { [table.Host] = table }, new EndpointStateCache(), new Random(1)).Get(destination);
}
