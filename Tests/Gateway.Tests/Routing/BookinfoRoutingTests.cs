using System.Collections.Immutable;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Routing;

/// <summary>Istio's samples/bookinfo/networking/bookinfo-gateway.yaml, as records, served by the ingress gateway.</summary>
public sealed class BookinfoRoutingTests
{
    [Theory]
    [InlineData("/productpage")]
    [InlineData("/static/tailwind/tailwind.css")]
    [InlineData("/login")]
    [InlineData("/logout")]
    [InlineData("/api/v1/products/1/reviews")]
    public void Route_PathOfTheGatewayVirtualService_ReachesProductpage(string path)
    {
        var snapshot = Bookinfo(IngressLabels);

        var endpoint = Pick(snapshot, Requests.Get(path, host: "localhost:8080"));

        Assert.Equal("http://127.0.0.1:19080", endpoint);
    }

    [Theory]
    [InlineData("/nothing")]
    [InlineData("/productpage/extra")]
    [InlineData("/")]
    public void Route_OtherPath_HasNoRoute(string path)
    {
        var snapshot = Bookinfo(IngressLabels);

        var host = snapshot.FindHost("localhost:8080");

        Assert.Null(host?.Route(Requests.Get(path, host: "localhost:8080"), out _));
    }

    [Fact]
    public void Route_AnyHostHeader_IsServedByTheStarVirtualService()
    {
        var snapshot = Bookinfo(IngressLabels);

        Assert.Equal("http://127.0.0.1:19080", Pick(snapshot, Requests.Get("/productpage", host: "bookinfo.example.com")));
    }

    [Fact]
    public void Compile_GatewayWithOtherLabels_ServesNoStarHost()
    {
        var snapshot = Bookinfo(Labels(("app", "orleansmesh-gateway")));

        Assert.Null(snapshot.FindHost("localhost:8080"));
    }

    private static string? Pick(RoutingSnapshot snapshot, HttpRequest request)
    {
        var route = snapshot.FindHost(request.Host.Value!)?.Route(request, out _);
        var forward = Assert.IsType<ForwardAction>(route?.Action);
        return forward.Pick(0).Cluster.PickEndpoint()?.DestinationPrefix;
    }

    private static RoutingSnapshot Bookinfo(IReadOnlyDictionary<string, string> labels)
    {
        var bookinfo = VirtualService(
            "bookinfo",
            ["*"],
            ["bookinfo-gateway"],
            new HttpRoute
            {
                Match =
                [
                    Uri(StringMatch.Exact("/productpage")),
                    Uri(StringMatch.Prefix("/static")),
                    Uri(StringMatch.Exact("/login")),
                    Uri(StringMatch.Exact("/logout")),
                    Uri(StringMatch.Prefix("/api/v1/products")),
                ],
                Route = [new HttpRouteDestination { Destination = new Destination { Host = "productpage", Port = 9080 } }],
            });
        var productpage = new WorkloadEntrySpec
        {
            Address = "127.0.0.1",
            Ports = ImmutableDictionary<string, uint>.Empty.Add("http", 19080),
            Labels = Labels(("app", "productpage"), ("version", "v1")),
        };
        return Compile(
            labels,
            [IngressGateway("bookinfo-gateway")],
            Table("*", null, null, bookinfo),
            Table("productpage", Service("productpage", [HttpPort(9080)], productpage)));
    }
}
