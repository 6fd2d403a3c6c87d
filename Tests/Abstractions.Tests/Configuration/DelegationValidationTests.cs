using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Configuration;

/// <summary>
/// VirtualService delegation against Istio: ValidateVirtualService (pkg/config/validation/validation.go: a VirtualService
/// without hosts is a delegate, which may name no gateways), validateHTTPRouteConflict
/// (pkg/config/validation/virtualservice.go: a root route has neither route nor redirect; a delegate's routes cannot
/// delegate again), and pilot's mergeVirtualServices (a missing delegate: the root route is skipped, here a warning).
/// </summary>
public sealed class DelegationValidationTests
{
    private const string Root = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: bookinfo
        spec:
          hosts: [bookinfo.com]
          http:
          - match:
            - uri: {prefix: /productpage}
            delegate:
              name: productpage
              namespace: nsA
          - route:
            - destination: {host: reviews}
        """;

    private const string Delegate = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: productpage
          namespace: nsA
        spec:
          http:
          - match:
            - uri: {prefix: /productpage/v1/}
            route:
            - destination: {host: productpage-v1.nsA.svc.cluster.local}
          - route:
            - destination: {host: productpage.nsA.svc.cluster.local}
        """;

    [Fact]
    public void Load_IstiosDelegationExample_IsClean()
    {
        LoadAssert.Clean(Root.Replace("nsA", "ns-a", StringComparison.Ordinal));
        LoadAssert.Clean(Delegate.Replace("nsA", "ns-a", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_RootRoute_ReadsTheDelegate()
    {
        var vs = (VirtualService)Assert.Single(LoadAssert.Clean(Root.Replace("nsA", "ns-a", StringComparison.Ordinal)).Resources).Resource;

        Assert.Equal(new VirtualServiceDelegate { Name = "productpage", Namespace = "ns-a" }, vs.Spec.Http[0].Delegate);
    }

    [Fact]
    public void Load_DelegateWithGateways_Reports()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("VirtualService", "gateways: [ingress]\nhttp:\n- route:\n  - destination: {host: reviews}"));

        LoadAssert.Is(diagnostic, "delegate virtual service must have no gateways specified", "spec.gateways", 6);
    }

    [Fact]
    public void Load_DelegateRouteWithDelegate_Reports()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("VirtualService", "http:\n- delegate: {name: other}"));

        LoadAssert.Is(diagnostic, "delegate HTTP route cannot contain delegate", "spec.http[0].delegate", 7);
    }

    [Fact]
    public void Load_RootRouteWithRoute_Reports()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- name: r\n  delegate: {name: d}\n  route:\n  - destination: {host: reviews}"));

        LoadAssert.Is(diagnostic, "root HTTP route r must not specify route", "spec.http[0].route", 11);
    }

    [Fact]
    public void Load_RootRouteWithRedirect_Reports()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- delegate: {name: d}\n  redirect: {uri: /x}"));

        LoadAssert.Is(diagnostic, "root HTTP route must not specify redirect", "spec.http[0].redirect", 10);
    }

    [Fact]
    public void Load_RootRouteWithOnlyDelegate_NeedsNoRoute()
        => LoadAssert.Clean(Yaml.Http("- delegate: {name: d}"));

    [Fact]
    public void ValidateReferences_MissingDelegate_Warns()
    {
        var root = Assert.Single(LoadAssert.Clean(Root.Replace("nsA", "ns-a", StringComparison.Ordinal)).Resources).Resource;

        var diagnostic = Assert.Single(MeshConfigValidator.ValidateReferences([root], new HashSet<ResourceId> { root.Id }));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("spec.http[0].delegate", diagnostic.Path);
        Assert.Equal("delegate VirtualService ns-a/productpage not found: this route matches nothing until it exists", diagnostic.Message);
    }

    [Fact]
    public void ValidateReferences_PresentDelegate_IsClean()
    {
        var root = Assert.Single(LoadAssert.Clean(Root.Replace("nsA", "ns-a", StringComparison.Ordinal)).Resources).Resource;
        var target = Assert.Single(LoadAssert.Clean(Delegate.Replace("nsA", "ns-a", StringComparison.Ordinal)).Resources).Resource;

        Assert.Empty(MeshConfigValidator.ValidateReferences([root, target], new HashSet<ResourceId> { root.Id }));
    }

    [Fact]
    public void ValidateReferences_TargetWithHosts_WarnsItIsNotADelegate()
    {
        var root = Assert.Single(LoadAssert.Clean(Yaml.Http("- delegate: {name: reviews}")).Resources).Resource;

        var diagnostic = Assert.Single(MeshConfigValidator.ValidateReferences([root], new HashSet<ResourceId> { root.Id }));

        Assert.Equal("VirtualService default/reviews has hosts, so it is not a delegate: this route matches nothing", diagnostic.Message);
    }
}
