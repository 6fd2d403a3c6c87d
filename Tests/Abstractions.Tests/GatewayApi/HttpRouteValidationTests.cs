using OrleansMesh.Abstractions.Tests.Configuration;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.GatewayApi;
using OrleansMesh.Networking;
using static OrleansMesh.Abstractions.Tests.GatewayApi.GatewayApiYaml;

namespace OrleansMesh.Abstractions.Tests.GatewayApi;

public sealed class HttpRouteValidationTests
{
    [Fact]
    public void Load_QuickstartRoute_ReadsParentRulesPoolBackendAndTimeout()
    {
        var route = Assert.IsType<HttpRouteResource>(Assert.Single(LoadAssert.Clean(RouteDoc).Resources).Resource);

        Assert.Equal("inference-gateway", Assert.Single(route.Spec.ParentRefs).Name);
        var rule = Assert.Single(route.Spec.Rules);
        Assert.Equal(BackendKind.InferencePool, BackendKinds.Of(Assert.Single(rule.BackendRefs)));
        Assert.Equal(("PathPrefix", "/"), (rule.Matches[0].Path!.Type, rule.Matches[0].Path!.Value));
        Assert.Equal(TimeSpan.FromSeconds(300), rule.Timeouts!.Request);
    }

    [Fact]
    public void Write_Route_LoadsBackEqual()
    {
        var route = LoadAssert.Clean(RouteDoc).Resources[0].Resource;

        var again = LoadAssert.Clean(MeshConfigWriter.ToYaml([route])).Resources[0].Resource;

        Assert.True(ContentEquality.AreEqual(route, again));
    }

    [Fact]
    public void Load_UnknownRuleField_ReportsItsLineAndTheClosestName()
    {
        var diagnostic = LoadAssert.SingleError(RouteDoc.Replace("  - backendRefs:", "  - backendRef:", StringComparison.Ordinal));

        Assert.Equal("spec.rules[0].backendRef", diagnostic.Path);
        Assert.Equal(11, diagnostic.Line);
        Assert.Contains("did you mean 'backendRefs'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownPathType_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(RouteDoc.Replace("type: PathPrefix", "type: Prefix", StringComparison.Ordinal));

        Assert.Equal("spec.rules[0].matches[0].path.type", diagnostic.Path);
    }

    [Fact]
    public void Load_ServiceBackendWithoutPort_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(RouteDoc.Replace("    - group: inference.networking.k8s.io\n      kind: InferencePool\n      name: vllm-llama3-8b-instruct", "    - name: llama", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "port is required for a Service backend (the Gateway API's rule)", "spec.rules[0].backendRefs[0].port", 12);
    }

    [Fact]
    public void Load_UnknownBackendKind_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(RouteDoc.Replace("kind: InferencePool", "kind: InferenceModel", StringComparison.Ordinal));

        Assert.Equal("spec.rules[0].backendRefs[0].kind", diagnostic.Path);
    }

    [Fact]
    public void Load_ServiceParent_IsRefusedAsMeshRouting()
    {
        var diagnostic = LoadAssert.SingleError(RouteDoc.Replace("    kind: Gateway", "    kind: Service", StringComparison.Ordinal).Replace("  - group: gateway.networking.k8s.io\n", "  - group: ''\n", StringComparison.Ordinal));

        Assert.Equal("spec.parentRefs[0].kind", diagnostic.Path);
        Assert.StartsWith("a Service parent (GAMMA mesh routing) is not supported", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FilterTypeWithoutItsField_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(RouteDoc.Replace("    timeouts:", "    filters:\n    - type: URLRewrite\n    timeouts:", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "filter type URLRewrite needs its 'urlRewrite' field", "spec.rules[0].filters[0].urlRewrite", 20);
    }

    [Fact]
    public void Load_ReplacePrefixMatchOnAnExactMatch_IsAnError()
    {
        var yaml = RouteDoc.Replace("type: PathPrefix", "type: Exact", StringComparison.Ordinal)
            .Replace("    timeouts:", "    filters:\n    - type: URLRewrite\n      urlRewrite:\n        path:\n          type: ReplacePrefixMatch\n          replacePrefixMatch: /v1\n    timeouts:", StringComparison.Ordinal);

        var diagnostic = LoadAssert.SingleError(yaml);

        Assert.Equal("ReplacePrefixMatch needs every match of the rule to be a PathPrefix match", diagnostic.Message);
    }

    [Fact]
    public void Load_RedirectWithBackends_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(RouteDoc.Replace("    timeouts:", "    filters:\n    - type: RequestRedirect\n      requestRedirect:\n        scheme: https\n    timeouts:", StringComparison.Ordinal));

        Assert.Equal("spec.rules[0].backendRefs", diagnostic.Path);
    }

    [Fact]
    public void Load_InvalidHeaderRegex_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(RouteDoc.Replace("        value: /\n", "        value: /\n      headers:\n      - type: RegularExpression\n        name: x-model\n        value: '(unclosed'\n", StringComparison.Ordinal));

        Assert.Equal("spec.rules[0].matches[0].headers[0].value", diagnostic.Path);
    }

    [Fact]
    public void Load_HostnameStar_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(RouteDoc.Replace("  rules:", "  hostnames:\n  - '*'\n  rules:", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "invalid hostname '*': expected a DNS name or '*.suffix'", "spec.hostnames[0]", 11);
    }

    [Fact]
    public void ValidateReferences_RouteToUnknownGateway_Warns()
    {
        var route = LoadAssert.Clean(RouteDoc).Resources[0].Resource;

        var diagnostics = MeshConfigValidator.ValidateReferences([route], new HashSet<ResourceId> { route.Id });

        var gateway = Assert.Single(diagnostics, d => d.Path == "spec.parentRefs[0].name");
        Assert.Equal(DiagnosticSeverity.Warning, gateway.Severity);
        Assert.Equal("there is no Gateway (gateway.networking.k8s.io) 'inference-gateway' in namespace 'default'; the route serves nothing there until there is", gateway.Message);
    }

    [Fact]
    public void ValidateReferences_RouteToUnknownPool_Warns()
    {
        var resources = LoadAssert.Clean(GatewayDoc + "\n---\n" + RouteDoc).Resources.Select(r => r.Resource).ToList();

        var diagnostic = Assert.Single(MeshConfigValidator.ValidateReferences(resources, new HashSet<ResourceId> { resources[1].Id }));

        Assert.Equal((DiagnosticSeverity.Warning, "spec.rules[0].backendRefs[0].name"), (diagnostic.Severity, diagnostic.Path));
    }

    [Fact]
    public void ValidateReferences_RouteGatewayAndPool_AreClean()
    {
        var resources = LoadAssert.Clean(string.Join("\n---\n", GatewayDoc, RouteDoc, PoolDoc)).Resources.Select(r => r.Resource).ToList();

        Assert.Empty(MeshConfigValidator.ValidateReferences(resources, resources.Select(r => r.Id).ToHashSet()));
    }

    [Fact]
    public void ValidateReferences_ListenerOfOtherNamespaceWithoutFromAll_Warns()
    {
        var resources = LoadAssert.Clean(GatewayDoc.Replace("  name: inference-gateway", "  name: inference-gateway\n  namespace: infra", StringComparison.Ordinal) + "\n---\n" + RouteDoc.Replace("    name: inference-gateway", "    name: inference-gateway\n    namespace: infra", StringComparison.Ordinal) + "\n---\n" + PoolDoc)
            .Resources.Select(r => r.Resource).ToList();

        var diagnostic = Assert.Single(MeshConfigValidator.ValidateReferences(resources, new HashSet<ResourceId> { resources[1].Id }));

        Assert.Equal("spec.parentRefs[0]", diagnostic.Path);
    }
}
