using OrleansMesh.Abstractions.Tests.Configuration;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.GatewayApi;
using OrleansMesh.Networking;
using static OrleansMesh.Abstractions.Tests.GatewayApi.GatewayApiYaml;

namespace OrleansMesh.Abstractions.Tests.GatewayApi;

public sealed class KubernetesGatewayValidationTests
{
    [Fact]
    public void Load_GatewayOfTheGatewayApiGroup_IsAKubernetesGateway()
    {
        var gateway = Assert.IsType<KubernetesGateway>(Assert.Single(LoadAssert.Clean(GatewayDoc).Resources).Resource);

        Assert.Equal("istio", gateway.Spec.GatewayClassName);
        Assert.Equal(("http", 80u, "HTTP"), (gateway.Spec.Listeners[0].Name, gateway.Spec.Listeners[0].Port, gateway.Spec.Listeners[0].Protocol));
    }

    [Fact]
    public void Load_GatewayOfTheIstioGroup_IsStillIstios()
    {
        var yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: ingress
            spec:
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["*"]
            """;

        Assert.IsType<OrleansMesh.Networking.Gateway>(Assert.Single(LoadAssert.Clean(yaml).Resources).Resource);
    }

    [Fact]
    public void Write_Gateway_KeepsKindGatewayAndLoadsBackEqual()
    {
        var gateway = LoadAssert.Clean(GatewayDoc + "\n    allowedRoutes:\n      namespaces:\n        from: All\n      kinds:\n      - kind: HTTPRoute").Resources[0].Resource;

        var yaml = MeshConfigWriter.ToYaml([gateway]);

        Assert.Contains("kind: Gateway\n", yaml, StringComparison.Ordinal);
        Assert.True(ContentEquality.AreEqual(gateway, LoadAssert.Clean(yaml).Resources[0].Resource));
    }

    [Fact]
    public void Load_DuplicateListenerName_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(GatewayDoc + "\n  - name: http\n    port: 8080\n    protocol: HTTP");

        LoadAssert.Is(diagnostic, "listener name 'http' is used twice; names must be unique within a Gateway", "spec.listeners[1].name", 11);
    }

    [Fact]
    public void Load_NamespaceSelector_IsNotSupported()
    {
        var diagnostic = LoadAssert.SingleError(GatewayDoc + "\n    allowedRoutes:\n      namespaces:\n        from: All\n        selector: {}");

        Assert.Equal("field 'selector' of RouteNamespaces is not supported by OrleansMesh", diagnostic.Message);
    }

    [Fact]
    public void Load_TcpListener_WarnsThatItServesNothing()
    {
        var diagnostic = LoadAssert.Single(GatewayDoc.Replace("protocol: HTTP", "protocol: TCP", StringComparison.Ordinal), DiagnosticSeverity.Warning);

        Assert.Equal("spec.listeners[0].protocol", diagnostic.Path);
    }

    [Fact]
    public void Load_GatewayClass_IsStoredWithAWarning()
    {
        var yaml = "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: istio\nspec:\n  controllerName: istio.io/gateway-controller";

        var result = MeshConfigLoader.Load(yaml, LoadAssert.File);

        Assert.Equal(ResourceKind.GatewayClass, Assert.Single(result.Resources).Resource.Kind);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics).Severity);
    }
}
