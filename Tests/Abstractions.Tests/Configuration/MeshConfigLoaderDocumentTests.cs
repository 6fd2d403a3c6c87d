using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class MeshConfigLoaderDocumentTests
{
    private const string Supported = "networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3, security.istio.io/v1, security.istio.io/v1beta1, orleansmesh.io/v1alpha1, inference.networking.k8s.io/v1, inference.networking.x-k8s.io/v1alpha2, gateway.networking.k8s.io/v1, gateway.networking.k8s.io/v1beta1";

    private const string Kinds = "VirtualService, DestinationRule, ServiceEntry, WorkloadEntry, Gateway, RequestAuthentication, AuthorizationPolicy, PeerAuthentication, Sidecar, EnvoyFilter, ProxyConfig, WorkloadGroup, Rollout, InferencePool, InferenceObjective, HTTPRoute, GatewayClass";

    [Fact]
    public void Load_SyntaxError_ReportsYamlDotNetMessageAndMarkWithDocument()
    {
        var diagnostic = LoadAssert.SingleError("""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: a
            spec:
              address: 127.0.0.1
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry: x
            """);

        Assert.Equal("YAML syntax error: While scanning a plain scalar value, found invalid mapping.", diagnostic.Message);
        Assert.Equal(2, diagnostic.Document);
        Assert.Equal(9, diagnostic.Line);
        Assert.Equal(20, diagnostic.Column);
    }

    [Fact]
    public void Load_UnclosedFlowSequence_ReportsSyntaxErrorAtLastGoodToken()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: networking.istio.io/v1\nkind: [Gateway\nmetadata: {}\n");

        LoadAssert.Is(diagnostic, "YAML syntax error: malformed YAML after this point (an unclosed '[' or '{'?)", "", 2);
    }

    [Fact]
    public void Load_DocumentThatIsAList_ReportsNotAMapping()
    {
        var diagnostic = LoadAssert.SingleError("- apiVersion: networking.istio.io/v1\n- kind: Gateway\n");

        LoadAssert.Is(diagnostic, "a document must be a mapping with apiVersion, kind, metadata and spec, got a list", "", 1);
    }

    [Fact]
    public void Load_MissingApiVersion_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError("kind: Gateway\nmetadata:\n  name: a\n");

        LoadAssert.Is(diagnostic, $"apiVersion is required; supported: {Supported}", "apiVersion", 1);
    }

    [Fact]
    public void Load_UnknownApiVersion_ReportsSupportedVersions()
    {
        var diagnostic = LoadAssert.SingleError("kind: Gateway\napiVersion: networking.istio.io/v2\nmetadata:\n  name: a\n");

        LoadAssert.Is(diagnostic, $"unknown apiVersion 'networking.istio.io/v2'; supported: {Supported}", "apiVersion", 2);
        Assert.Equal(13, diagnostic.Column);
    }

    [Fact]
    public void Load_SecurityKindWithNetworkingApiVersion_ReportsGroupMismatch()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: networking.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: a\n");

        LoadAssert.Is(diagnostic, "apiVersion 'networking.istio.io/v1' does not serve kind AuthorizationPolicy; use one of security.istio.io/v1, security.istio.io/v1beta1", "apiVersion", 1);
    }

    [Fact]
    public void Load_NetworkingKindWithSecurityApiVersion_ReportsGroupMismatch()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: security.istio.io/v1\nkind: Gateway\nmetadata:\n  name: a\n");

        LoadAssert.Is(diagnostic, "apiVersion 'security.istio.io/v1' does not serve kind Gateway; use one of networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3", "apiVersion", 1);
    }

    [Fact]
    public void Load_MissingKind_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: networking.istio.io/v1\nmetadata:\n  name: a\n");

        LoadAssert.Is(diagnostic, $"kind is required; supported: {Kinds}", "kind", 1);
    }

    [Fact]
    public void Load_MisspelledKind_SuggestsTheKind()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: networking.istio.io/v1\nkind: VirtualServce\nmetadata:\n  name: a\n");

        LoadAssert.Is(diagnostic, "unknown kind 'VirtualServce'; did you mean 'VirtualService'?", "kind", 2);
    }

    [Fact]
    public void Load_UnknownKind_ListsSupportedKinds()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: networking.istio.io/v1\nkind: Deployment\nmetadata:\n  name: a\n");

        LoadAssert.Is(diagnostic, $"unknown kind 'Deployment'; supported: {Kinds}", "kind", 2);
    }

    // Istio kinds OrleansMesh does not enforce are stored as written, with a warning naming the kind, and the rest of
    // the file applies.
    [Theory]
    [InlineData("Sidecar", "kind Sidecar is stored but not enforced by OrleansMesh: there are no sidecars, and every gateway sees every service")]
    [InlineData("EnvoyFilter", "kind EnvoyFilter is stored but not enforced by OrleansMesh: its Envoy patches have no meaning here, as OrleansMesh's gateways are not Envoy")]
    [InlineData("ProxyConfig", "kind ProxyConfig is stored but not enforced by OrleansMesh: it configures Envoy proxies, which OrleansMesh does not run")]
    [InlineData("WorkloadGroup", "kind WorkloadGroup is stored but not enforced by OrleansMesh: workloads do not register themselves; list them as WorkloadEntry resources")]
    public void Load_IstioKindOrleansMeshDoesNotEnforce_StoredWithWarning(string kind, string message)
    {
        var yaml = $"apiVersion: networking.istio.io/v1alpha3\nkind: {kind}\nmetadata:\n  name: a\nspec:\n  anything: [1, two]\n";

        LoadAssert.Is(LoadAssert.Single(yaml, DiagnosticSeverity.Warning), message, "kind", 2);
        var stored = Assert.IsType<UnenforcedResource>(Assert.Single(MeshConfigLoader.Load(yaml, LoadAssert.File).Resources).Resource);
        Assert.Equal(kind, stored.Kind.ToString());
    }

    [Fact]
    public void ToYaml_EnvoyFilter_WritesItsSpecBackAsRead()
    {
        const string Spec = "workloadSelector:\n    labels:\n      istio: ingressgateway\n  configPatches:\n  - applyTo: HTTP_FILTER\n    patch:\n      operation: INSERT_BEFORE\n      value:\n        name: envoy.lua\n        typed_config:\n          inlineCode: \"function envoy_on_request(h) end\"\n";
        var yaml = $"apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: lua\n  namespace: istio-system\nspec:\n  {Spec}";
        var first = MeshConfigLoader.Load(yaml, LoadAssert.File).Resources.Single().Resource;

        var written = MeshConfigWriter.ToYaml([first]);
        var again = MeshConfigLoader.Load(written, LoadAssert.File).Resources.Single().Resource;

        Assert.Equal(MeshConfigWriter.ToYaml([again]), written);
        Assert.Contains("inlineCode: \"function envoy_on_request(h) end\"", written, StringComparison.Ordinal);
        Assert.Contains("applyTo: HTTP_FILTER", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithEnvoyFilterAndVirtualService_KeepsBothWithoutErrors()
    {
        var yaml = "apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: lua\nspec: {}\n---\n" + Yaml.Http("- route:\n  - destination:\n      host: reviews");

        var result = MeshConfigLoader.Load(yaml, LoadAssert.File);

        Assert.False(result.HasErrors);
        Assert.Equal([ResourceKind.EnvoyFilter, ResourceKind.VirtualService], result.Resources.Select(r => r.Resource.Kind));
    }

    [Fact]
    public void Load_MissingMetadata_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nspec:\n  address: 127.0.0.1\n");

        LoadAssert.Is(diagnostic, "metadata is required (at least metadata.name)", "metadata", 1);
    }

    [Fact]
    public void Load_MissingName_ReportsRequiredAtMetadata()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  namespace: x\nspec:\n  address: 127.0.0.1\n");

        LoadAssert.Is(diagnostic, "metadata.name is required", "metadata.name", 3);
    }

    [Fact]
    public void Load_NameNotDns1123_ReportsInvalidName()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: My_Box\nspec:\n  address: 127.0.0.1\n");

        LoadAssert.Is(diagnostic, "invalid name 'My_Box': must be lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (DNS-1123)", "metadata.name", 4);
    }

    [Fact]
    public void Load_ServerSetMetadataAndStatus_AreIgnored()
    {
        var result = LoadAssert.Clean("""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: box
              creationTimestamp: "2024-01-01T00:00:00Z"
              resourceVersion: "7"
              uid: 1234
              generation: 2
              managedFields:
              - manager: kubectl
            spec:
              address: 127.0.0.1
            status:
              conditions: []
            """);

        var entry = Assert.IsType<WorkloadEntry>(Assert.Single(result.Resources).Resource);
        Assert.Equal(new ResourceId(ResourceKind.WorkloadEntry, "default", "box"), entry.Id);
    }

    [Fact]
    public void Load_EmptyDocuments_AreSkippedButCounted()
    {
        var result = LoadAssert.Clean("""
            ---
            # only a comment
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: box
            spec:
              address: 127.0.0.1
            ---
            ---
            """);

        var resource = Assert.Single(result.Resources);
        Assert.Equal(new ResourceOrigin { File = LoadAssert.File, Document = 2, Line = 4 }, resource.Origin);
    }

    [Fact]
    public void Load_EmptyText_GivesNothing()
    {
        var result = LoadAssert.Clean("");

        Assert.Empty(result.Resources);
    }

    [Fact]
    public void Load_ErrorInSecondDocument_NamesDocumentTwoAndKeepsTheFirstResource()
    {
        var result = MeshConfigLoader.Load("""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: a
            spec:
              address: 127.0.0.1
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: b
            spec:
              adress: 127.0.0.2
            """, LoadAssert.File);

        var diagnostic = Assert.Single(result.Diagnostics);
        LoadAssert.Is(diagnostic, "unknown field 'adress'; did you mean 'address'?", "spec.adress", 13, document: 2);
        Assert.Equal("workloadentry/default/b", diagnostic.Resource);
        Assert.Equal("a", Assert.Single(result.Resources).Resource.Metadata.Name);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Load_DuplicateKey_ReportsTheSecond()
    {
        var diagnostic = LoadAssert.SingleError("""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: a
            spec:
              address: 127.0.0.1
              address: 127.0.0.2
            """);

        LoadAssert.Is(diagnostic, "duplicate key 'address'", "spec.address", 7);
    }

    [Fact]
    public void Load_AnchorsAndAliases_AreExpanded()
    {
        var result = LoadAssert.Clean("""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: a
              labels: &labels
                app: llm
            spec:
              address: 127.0.0.1
              labels: *labels
            """);

        var entry = Assert.IsType<WorkloadEntry>(Assert.Single(result.Resources).Resource);
        Assert.Equal("llm", entry.Spec.Labels["app"]);
    }

    [Fact]
    public void Load_ToleratesCrLfLineEndings()
    {
        var result = LoadAssert.Clean("apiVersion: networking.istio.io/v1\r\nkind: WorkloadEntry\r\nmetadata:\r\n  name: a\r\nspec:\r\n  address: 127.0.0.1\r\n");

        Assert.Single(result.Resources);
    }
}
