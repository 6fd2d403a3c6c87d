using OrleansMesh.Abstractions.Tests.Configuration;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Abstractions.Tests.GatewayApi;

public sealed class KubernetesKindsTests
{
    [Fact]
    public void Load_Deployment_IsSkippedWithAWarningSayingWhy()
    {
        var yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\nspec:\n  replicas: 3";

        var diagnostic = LoadAssert.Single(yaml, DiagnosticSeverity.Warning);

        LoadAssert.Is(diagnostic, "Deployment (apps/v1) is a Kubernetes workload kind; OrleansMesh takes endpoints from ServiceEntry/WorkloadEntry, skipped", "kind", 2);
        Assert.Empty(MeshConfigLoader.Load(yaml, LoadAssert.File).Resources);
    }

    [Fact]
    public void Load_Service_IsSkippedWithAWarningNamingTheHostItWouldBe()
    {
        var diagnostic = LoadAssert.Single("apiVersion: v1\nkind: Service\nmetadata:\n  name: vllm\nspec:\n  ports: [{port: 8000}]", DiagnosticSeverity.Warning);

        Assert.StartsWith("Service (v1) is a Kubernetes Service;", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith(", skipped", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConfigMap_IsSkippedWithAWarning()
    {
        var diagnostic = LoadAssert.Single("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plugins\ndata:\n  a: b", DiagnosticSeverity.Warning);

        Assert.Equal("ConfigMap (v1) is a Kubernetes kind OrleansMesh does not serve (it configures the cluster, not the mesh), skipped", diagnostic.Message);
    }

    [Fact]
    public void Load_TypoOfAGatewayApiKind_StillSuggestsTheKind()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoutes\nmetadata:\n  name: r\nspec: {}");

        Assert.Equal("unknown kind 'HTTPRoutes'; did you mean 'HTTPRoute'?", diagnostic.Message);
    }

    [Fact]
    public void Load_InternalNameOfTheGatewayApiGateway_IsNotAKind()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: gateway.networking.k8s.io/v1\nkind: KubernetesGateway\nmetadata:\n  name: g\nspec: {}");

        Assert.StartsWith("unknown kind 'KubernetesGateway'", diagnostic.Message, StringComparison.Ordinal);
    }
}
