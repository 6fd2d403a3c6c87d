using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class RolloutValidationTests
{
    // The example of the Rollout's documentation (README), as users write it.
    private const string Example = """
        apiVersion: orleansmesh.io/v1alpha1
        kind: Rollout
        metadata: {name: chat-model, namespace: default}
        spec:
          host: chat-model
          stable: v1
          canary: v2
          analysis:
            interval: 10s
            threshold: 3
            stepWeight: 10
            maxWeight: 50
            minRequests: 20
            metrics:
            - name: request-success-rate
              thresholdRange: {min: 99}
            - name: request-duration
              thresholdRange: {max: 500}
            - name: time-to-first-token
              thresholdRange: {max: 800}
            - name: relative-success-rate
              thresholdRange: {min: -1}
        """;

    [Fact]
    public void Load_DocumentedExample_ReadsEveryField()
    {
        var rollout = Assert.IsType<Rollout>(Assert.Single(LoadAssert.Clean(Example).Resources).Resource);

        Assert.Equal(("chat-model", "v1", "v2"), (rollout.Spec.Host, rollout.Spec.Stable, rollout.Spec.Canary));
        var analysis = rollout.Spec.Analysis;
        Assert.Equal((TimeSpan.FromSeconds(10), 3, 10, 50, 20), (analysis.Interval, analysis.Threshold, analysis.StepWeight, analysis.MaxWeight, analysis.MinRequests));
        Assert.Equal(RolloutMetricNames.All, analysis.Metrics.Select(m => m.Name));
        Assert.Equal(99, analysis.Metrics[0].ThresholdRange.Min);
        Assert.Equal(500, analysis.Metrics[1].ThresholdRange.Max);
    }

    [Fact]
    public void ToYaml_DocumentedExample_LoadsBackEqual()
    {
        var rollout = LoadAssert.Clean(Example).Resources[0].Resource;

        var again = LoadAssert.Clean(MeshConfigWriter.ToYaml([rollout])).Resources[0].Resource;

        Assert.True(ContentEquality.AreEqual(rollout, again), MeshConfigWriter.ToYaml([again]));
    }

    [Fact]
    public void Load_RolloutWithIstioApiVersion_NamesOrleansMeshVersion()
    {
        var diagnostic = LoadAssert.SingleError(Example.Replace("orleansmesh.io/v1alpha1", "networking.istio.io/v1", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "apiVersion 'networking.istio.io/v1' does not serve kind Rollout; use one of orleansmesh.io/v1alpha1", "apiVersion", 1);
    }

    [Fact]
    public void Load_MisspelledMetric_SuggestsTheKnownOne()
    {
        var diagnostic = LoadAssert.SingleError(Example.Replace("name: request-duration", "name: request-durations", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "unknown metric 'request-durations'; did you mean 'request-duration'?", "spec.analysis.metrics[1].name", 17);
    }

    [Fact]
    public void Load_UnknownAnalysisField_ReportsItsLine()
    {
        var diagnostic = LoadAssert.SingleError(Example.Replace("    minRequests: 20", "    minRequest: 20", StringComparison.Ordinal));

        Assert.Equal("spec.analysis.minRequest", diagnostic.Path);
        Assert.Equal(13, diagnostic.Line);
        Assert.Contains("did you mean 'minRequests'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MaxWeightBelowStepWeight_ReportsBoth()
    {
        var diagnostic = LoadAssert.SingleError(Example.Replace("maxWeight: 50", "maxWeight: 5", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "maxWeight 5 must be between stepWeight (10) and 100", "spec.analysis.maxWeight", 12);
    }

    [Fact]
    public void Load_StepWeightZero_IsAnAbTestWithAnyMaxWeight()
    {
        LoadAssert.Clean(Example.Replace("stepWeight: 10", "stepWeight: 0", StringComparison.Ordinal).Replace("maxWeight: 50", "maxWeight: 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SameStableAndCanary_Refused()
    {
        var diagnostic = LoadAssert.SingleError(Example.Replace("canary: v2", "canary: v1", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "canary and stable are both 'v1'; name two different subsets", "spec.canary", 7);
    }

    [Fact]
    public void Load_IntervalBelowOneSecond_Refused()
    {
        var diagnostic = LoadAssert.SingleError(Example.Replace("interval: 10s", "interval: 500ms", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "interval must be at least 1s (the live telemetry's resolution)", "spec.analysis.interval", 9);
    }

    [Fact]
    public void Load_ThresholdRangeWithoutBounds_Refused()
    {
        var diagnostic = LoadAssert.SingleError(Example.Replace("thresholdRange: {max: 800}", "thresholdRange: {}", StringComparison.Ordinal));

        LoadAssert.Is(diagnostic, "thresholdRange needs min, max or both", "spec.analysis.metrics[2].thresholdRange", 20);
    }

    [Fact]
    public void ValidateReferences_TwoRolloutsOfOneHost_RefusesTheNewOne()
    {
        var first = (Rollout)LoadAssert.Clean(Example).Resources[0].Resource;
        var second = first with { Metadata = first.Metadata with { Name = "other" } };

        var diagnostics = MeshConfigValidator.ValidateReferences([first, second], new HashSet<OrleansMesh.Networking.ResourceId> { second.Id });

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message == "host 'chat-model' is already driven by Rollout rollout/default/chat-model; one Rollout per host");
    }
}
