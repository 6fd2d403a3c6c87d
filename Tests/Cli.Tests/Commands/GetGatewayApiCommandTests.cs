namespace OrleansMesh.Cli.Tests.Commands;

/// <summary><c>meshctl get</c> of the Gateway API's kinds, beside Istio's Gateway of the same kind name.</summary>
[Collection(MeshClusterCollection.Name)]
public sealed class GetGatewayApiCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private const string Manifests = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: inference-gateway}
        spec:
          gatewayClassName: istio
          listeners:
          - {name: http, port: 80, protocol: HTTP}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: llm-route}
        spec:
          parentRefs: [{name: inference-gateway}]
          hostnames: [llm.example.com]
          rules:
          - backendRefs: [{group: inference.networking.k8s.io, kind: InferencePool, name: llama}]
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: istio-ingress}
        spec:
          servers:
          - port: {number: 80, name: http, protocol: HTTP}
            hosts: ["*"]
        """;

    [Theory]
    [InlineData("httproutes")]
    [InlineData("hr")]
    [InlineData("httproutes.gateway.networking.k8s.io")]
    public async Task Get_HttpRoutes_PrintsParentsHostnamesAndBackendHosts(string kind)
    {
        await ApplyManifestsAsync();

        var result = await RunAsync("get", kind);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "NAME        PARENTS             HOSTNAMES         BACKENDS",
                "llm-route   inference-gateway   llm.example.com   llama.default.inferencepool",
            ],
            result.OutLines);
    }

    [Theory]
    [InlineData("gateways.gateway.networking.k8s.io")]
    [InlineData("gtw")]
    public async Task Get_GatewayApiGateways_ListsOnlyThemWithClassAndListeners(string kind)
    {
        await ApplyManifestsAsync();

        var result = await RunAsync("get", kind);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["NAME                CLASS   LISTENERS", "inference-gateway   istio   http:80/HTTP *"], result.OutLines);
    }

    [Fact]
    public async Task Get_Gateways_ListsIstiosGatewaysOnly()
    {
        await ApplyManifestsAsync();

        var result = await RunAsync("get", "gateways");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["NAME            SERVERS", "istio-ingress   80/HTTP *"], result.OutLines);
    }

    [Fact]
    public async Task Get_HttpRouteAsYaml_GivesItBackAsWritten()
    {
        await ApplyManifestsAsync();

        var result = await RunAsync("get", "hr", "llm-route", "-o", "yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("apiVersion: gateway.networking.k8s.io/v1", result.OutLines);
        Assert.Contains("kind: HTTPRoute", result.OutLines);
        Assert.Contains("- llm.example.com", result.OutLines);
    }

    [Fact]
    public async Task Get_GatewayApiGatewayAsYaml_KeepsKindGateway()
    {
        await ApplyManifestsAsync();

        var result = await RunAsync("get", "gtw", "inference-gateway", "-o", "yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("kind: Gateway", result.OutLines);
        Assert.Contains("gatewayClassName: istio", result.OutLines);
    }

    [Fact]
    public async Task Apply_RouteAndGateway_PrintsTheirQualifiedKinds()
    {
        var result = await RunWithStdinAsync(Manifests, "apply", "-f", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("gateway.gateway.networking.k8s.io/inference-gateway created", result.OutLines);
        Assert.Contains("httproute.gateway.networking.k8s.io/llm-route created", result.OutLines);
    }

    private async Task ApplyManifestsAsync()
    {
        var applied = await RunWithStdinAsync(Manifests, "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.ToString());
    }
}
