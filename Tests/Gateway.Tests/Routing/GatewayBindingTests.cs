using OrleansMesh.Gateway.Routing;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class GatewayBindingTests
{
    [Fact]
    public void Compile_VirtualServiceBoundToGatewaySelectingTheseLabels_Applies()
    {
        var snapshot = Bound(["bookinfo-gateway"], IngressLabels, IngressGateway("bookinfo-gateway"));

        Assert.NotNull(snapshot.FindHost("bookinfo.com"));
    }

    [Fact]
    public void Compile_VirtualServiceBoundToGatewaySelectingOtherLabels_DoesNotApply()
    {
        var labels = Labels(("istio", "eastwestgateway"));

        var snapshot = Bound(["bookinfo-gateway"], labels, IngressGateway("bookinfo-gateway"));

        Assert.Null(snapshot.FindHost("bookinfo.com"));
    }

    [Fact]
    public void Compile_VirtualServiceBoundToUnknownGateway_DoesNotApply()
    {
        var snapshot = Bound(["bookinfo-gateway"], IngressLabels);

        Assert.Null(snapshot.FindHost("bookinfo.com"));
    }

    [Fact]
    public void Compile_VirtualServiceBoundToMesh_Applies()
    {
        var snapshot = Bound(["mesh"], NoLabels);

        Assert.NotNull(snapshot.FindHost("bookinfo.com"));
    }

    [Fact]
    public void Compile_VirtualServiceWithoutGateways_Applies()
    {
        var snapshot = Bound([], NoLabels);

        Assert.NotNull(snapshot.FindHost("bookinfo.com"));
    }

    [Fact]
    public void Compile_GatewayServerNotExposingTheHost_DoesNotApply()
    {
        var snapshot = Bound(["bookinfo-gateway"], IngressLabels, IngressGateway("bookinfo-gateway", "default", "reviews.example.com"));

        Assert.Null(snapshot.FindHost("bookinfo.com"));
    }

    [Fact]
    public void Compile_GatewayServerHostWithNamespace_ExposesTheHost()
    {
        var snapshot = Bound(["bookinfo-gateway"], IngressLabels, IngressGateway("bookinfo-gateway", "default", "./bookinfo.com"));

        Assert.NotNull(snapshot.FindHost("bookinfo.com"));
    }

    [Fact]
    public void Compile_GatewayInOtherNamespaceNamedWithIt_Applies()
    {
        var snapshot = Bound(["istio-system/bookinfo-gateway"], IngressLabels, IngressGateway("bookinfo-gateway", "istio-system"));

        Assert.NotNull(snapshot.FindHost("bookinfo.com"));
    }

    [Fact]
    public void Compile_GatewayInOtherNamespaceNamedWithoutIt_DoesNotApply()
    {
        // Istio resolves a short gateway name in the VirtualService's own namespace.
        var snapshot = Bound(["bookinfo-gateway"], IngressLabels, IngressGateway("bookinfo-gateway", "istio-system"));

        Assert.Null(snapshot.FindHost("bookinfo.com"));
    }

    private static RoutingSnapshot Bound(string[] gateways, IReadOnlyDictionary<string, string> labels, params OrleansMesh.Networking.Gateway[] resources) =>
        Compile(labels, resources, Table("bookinfo.com", null, null, VirtualService("bookinfo", ["bookinfo.com"], gateways, Answer(200))));
}
