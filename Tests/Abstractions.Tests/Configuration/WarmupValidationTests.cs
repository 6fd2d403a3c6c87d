namespace OrleansMesh.Abstractions.Tests.Configuration;

/// <summary>
/// DestinationRule <c>loadBalancer.warmup</c> and <c>warmupDurationSecs</c> against Istio: validateLoadBalancer in
/// istio/istio pkg/config/validation/validation.go, the CRD's "only one of warmupDurationSecs or warmup" rule and
/// min/max of WarmupConfiguration in istio/api networking/v1alpha3/destination_rule.proto, and the documents of
/// pkg/config/validation/testdata/crds/destinationrule-{valid,invalid}.yaml.
/// </summary>
public sealed class WarmupValidationTests
{
    [Theory]
    [InlineData("warmup:\n      duration: 300s")]
    [InlineData("warmup:\n      duration: 300s\n      minimumPercent: 5.0")]
    [InlineData("warmup:\n      duration: 300s\n      minimumPercent: 5.0\n      aggression: 5.0")]
    [InlineData("warmup:\n      duration: 300s\n      minimumPercent: 0\n      aggression: 0.5")]
    [InlineData("simple: ROUND_ROBIN\n    warmupDurationSecs: 100s")]
    public void Load_IstiosValidWarmups_AreClean(string loadBalancer)
        => LoadAssert.Clean(Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    " + loadBalancer));

    [Fact]
    public void Load_MinimumPercentOver100_ReportsRange()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    warmup:\n      duration: 300s\n      minimumPercent: 150.0"));

        LoadAssert.Is(diagnostic, "minimumPercent must be between 0 and 100, got 150", "spec.trafficPolicy.loadBalancer.warmup.minimumPercent", 11);
    }

    [Fact]
    public void Load_WarmupWithoutDuration_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    warmup:\n      minimumPercent: 5.0"));

        Assert.Equal(("duration is required", "spec.trafficPolicy.loadBalancer.warmup.duration"), (diagnostic.Message, diagnostic.Path));
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("0")]
    public void Load_AggressionNotPositive_Reports(string aggression)
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule($"trafficPolicy:\n  loadBalancer:\n    warmup:\n      duration: 300s\n      aggression: {aggression}"));

        Assert.Equal("spec.trafficPolicy.loadBalancer.warmup.aggression", diagnostic.Path);
        Assert.StartsWith("aggression must be greater than 0", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WarmupAndWarmupDurationSecs_ReportsOnlyOne()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    warmupDurationSecs: 60s\n    warmup:\n      duration: 300s"));

        LoadAssert.Is(diagnostic, "only one of warmupDurationSecs or warmup can be set", "spec.trafficPolicy.loadBalancer.warmup", 10);
    }

    [Fact]
    public void Load_DurationFinerThanMilliseconds_Reports()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    warmup:\n      duration: 1500us"));

        Assert.Equal(("only durations to ms precision are supported", "spec.trafficPolicy.loadBalancer.warmup.duration"), (diagnostic.Message, diagnostic.Path));
    }

    [Fact]
    public void Load_WarmupInSubsetAndPortLevel_IsClean()
        => LoadAssert.Clean(Yaml.Rule(
            "subsets:\n- name: v1\n  labels:\n    version: v1\n  trafficPolicy:\n    loadBalancer:\n      warmup:\n        duration: 30s\n" +
            "trafficPolicy:\n  portLevelSettings:\n  - port:\n      number: 9080\n    loadBalancer:\n      warmup:\n        duration: 30s"));
}
