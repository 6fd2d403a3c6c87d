using OrleansMesh.Abstractions.Tests.Configuration;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Inference;

namespace OrleansMesh.Abstractions.Tests.Inference;

public sealed class InferenceConfigTests
{
    // GIE's quickstart resources as its v1 manifests write them.
    private const string Pool = """
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        metadata:
          name: vllm-llama3-8b-instruct
        spec:
          targetPorts:
          - number: 8000
          selector:
            matchLabels:
              app: vllm-llama3-8b-instruct
          endpointPickerRef:
            name: vllm-llama3-8b-instruct-epp
            port:
              number: 9002
            failureMode: FailOpen
        """;

    private const string Objective = """
        apiVersion: inference.networking.x-k8s.io/v1alpha2
        kind: InferenceObjective
        metadata:
          name: food-review
        spec:
          priority: 10
          poolRef:
            group: inference.networking.k8s.io
            name: vllm-llama3-8b-instruct
        """;

    [Fact]
    public void Load_GieQuickstartPool_ReadsSelectorPortAndPicker()
    {
        var pool = Assert.IsType<InferencePool>(Assert.Single(LoadAssert.Clean(Pool).Resources).Resource);

        Assert.Equal("vllm-llama3-8b-instruct", pool.Spec.Selector.MatchLabels["app"]);
        Assert.Equal(8000u, Assert.Single(pool.Spec.TargetPorts).Number);
        Assert.Equal((9002u, "FailOpen"), (pool.Spec.EndpointPickerRef.PortNumber, pool.Spec.EndpointPickerRef.FailureMode));
    }

    [Fact]
    public void Load_Objective_ReadsPriorityAndPool()
    {
        var objective = Assert.IsType<InferenceObjective>(Assert.Single(LoadAssert.Clean(Objective).Resources).Resource);

        Assert.Equal((10, "vllm-llama3-8b-instruct"), (objective.Spec.Priority, objective.Spec.PoolRef.Name));
    }

    [Fact]
    public void Write_Pool_LoadsBackEqual()
    {
        var pool = LoadAssert.Clean(Pool).Resources[0].Resource;

        var again = LoadAssert.Clean(MeshConfigWriter.ToYaml([pool])).Resources[0].Resource;

        Assert.True(ContentEqual(pool, again));
    }

    [Fact]
    public void Load_OlderPortNumberSpelling_IsRead()
    {
        var pool = (InferencePool)LoadAssert.Clean(Pool.Replace("port:\n      number: 9002", "portNumber: 9002", StringComparison.Ordinal)).Resources[0].Resource;

        Assert.Equal(9002u, pool.Spec.EndpointPickerRef.PortNumber);
    }

    [Fact]
    public void Load_UnknownPoolField_ReportsItsLine()
    {
        var diagnostic = LoadAssert.SingleError(Pool.Replace("  targetPorts:", "  targetPort: 8000\n  targetPorts:", StringComparison.Ordinal));

        Assert.Equal("spec.targetPort", diagnostic.Path);
        Assert.Equal(6, diagnostic.Line);
    }

    [Fact]
    public void Load_TwoTargetPorts_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(Pool.Replace("  - number: 8000", "  - number: 8000\n  - number: 8001", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "exactly one target port is required (GIE allows one), got 2", "spec.targetPorts", 6);
    }

    [Fact]
    public void Load_EmptySelector_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(Pool.Replace("    matchLabels:\n      app: vllm-llama3-8b-instruct", "    matchLabels: {}", StringComparison.Ordinal));

        Assert.Equal("spec.selector.matchLabels", diagnostic.Path);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Load_PoolUnderIstioGroup_NamesTheRightApiVersion()
    {
        var diagnostic = LoadAssert.SingleError(Pool.Replace("inference.networking.k8s.io/v1", "networking.istio.io/v1", StringComparison.Ordinal));

        Assert.Equal("apiVersion 'networking.istio.io/v1' does not serve kind InferencePool; use one of inference.networking.k8s.io/v1", diagnostic.Message);
    }

    [Fact]
    public void ValidateReferences_ObjectiveWithoutPool_Warns()
    {
        var objective = LoadAssert.Clean(Objective).Resources[0].Resource;

        var diagnostic = Assert.Single(MeshConfigValidator.ValidateReferences([objective], new HashSet<OrleansMesh.Networking.ResourceId> { objective.Id }));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("spec.poolRef.name", diagnostic.Path);
    }

    [Fact]
    public void PoolHost_NameAndNamespace_IsLowerCaseWithSuffix()
    {
        Assert.Equal("llama.team-a.inferencepool", InferencePoolHosts.Host("Llama", "team-a"));
        Assert.True(InferencePoolHosts.IsPoolHost("llama.team-a.InferencePool"));
    }

    private static bool ContentEqual(OrleansMesh.Networking.MeshResource a, OrleansMesh.Networking.MeshResource b) =>
        OrleansMesh.Networking.ContentEquality.AreEqual(a, b);
}
