using OrleansMesh.Abstractions.Tests.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Inference;

namespace OrleansMesh.Abstractions.Tests.Inference;

public sealed class PoolMetricAnnotationTests
{
    private const string Pool = """
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        metadata:
          name: llama
          annotations:
            orleansmesh.io/queue-metric: tgi:queue_size
        spec:
          targetPorts: [{number: 8000}]
          selector: {matchLabels: {app: llama}}
          endpointPickerRef: {name: llama-epp}
        """;

    [Fact]
    public void Load_QueueMetricAnnotation_IsAccepted()
    {
        var pool = (InferencePool)LoadAssert.Clean(Pool).Resources[0].Resource;

        Assert.Equal("tgi:queue_size", PoolMetricNames.FromAnnotations(pool.Metadata.Annotations)!.Queue);
    }

    [Fact]
    public void Load_MetricAnnotationThatIsNoMetricName_IsAnErrorOnItsLine()
    {
        var diagnostic = LoadAssert.SingleError(Pool.Replace("tgi:queue_size", "'tgi queue size'", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "'tgi queue size' is not a metric name with optional label matchers (name or name{label=\"value\"})", "metadata.annotations[\"orleansmesh.io/queue-metric\"]", 6);
    }

    [Fact]
    public void Load_MisspelledMetricAnnotation_WarnsWithTheClosestName()
    {
        var diagnostic = LoadAssert.Single(Pool.Replace("queue-metric", "queued-metric", StringComparison.Ordinal), DiagnosticSeverity.Warning);

        Assert.StartsWith("annotation 'orleansmesh.io/queued-metric' is not one OrleansMesh reads; did you mean 'orleansmesh.io/queue-metric'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vllm:num_requests_waiting", "vllm:num_requests_waiting", 0)]
    [InlineData("engine:requests{state=\"waiting\", gpu=\"0\"}", "engine:requests", 2)]
    public void TryParse_NameWithOptionalLabels_ReadsBoth(string text, string name, int labels)
    {
        Assert.True(MetricSelector.TryParse(text, out var selector, out _));

        Assert.Equal((name, labels), (selector.Name, selector.Labels.Length));
    }
}
