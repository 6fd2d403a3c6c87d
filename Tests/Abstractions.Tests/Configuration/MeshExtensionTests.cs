using OrleansMesh.Configuration;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class MeshExtensionTests
{
    private const string FullRule = """
        trafficPolicy:
          x-orleansmesh:
            circuitBreaker:
              failurePercentage: 25
              window: 30s
              bucket: 500ms
              minimumRequests: 10
              breakDuration: 2s
              halfOpenProbes: 2
              failOn: [5xx, timeout]
            rateLimit:
              requestsPerUnit: 600
              unit: MINUTE
              burst: 50
              key:
                header: x-tenant
            localRateLimit:
              requestsPerUnit: 100
        subsets:
        - name: v2
          labels:
            version: v2
          trafficPolicy:
            x-orleansmesh:
              circuitBreaker:
                minimumRequests: 5
        """;

    [Fact]
    public void Load_DestinationRuleExtension_ReadsEveryField()
    {
        var rule = (DestinationRule)LoadAssert.Clean(Yaml.Rule(FullRule)).Resources[0].Resource;
        var mesh = rule.Spec.TrafficPolicy!.Mesh!;

        Assert.Equal(
            new CircuitBreakerSettings
            {
                FailurePercentage = 25,
                Window = TimeSpan.FromSeconds(30),
                Bucket = TimeSpan.FromMilliseconds(500),
                MinimumRequests = 10,
                BreakDuration = TimeSpan.FromSeconds(2),
                HalfOpenProbes = 2,
                FailOn = FailureConditions.ServerError | FailureConditions.Timeout,
            },
            mesh.CircuitBreaker);
        Assert.Equal(new RateLimitSettings { RequestsPerUnit = 600, Unit = RateLimitUnit.Minute, Burst = 50, Key = new RateLimitKey { Header = "x-tenant" } }, mesh.RateLimit);
        Assert.Equal(new RateLimitSettings { RequestsPerUnit = 100 }, mesh.LocalRateLimit);
        Assert.Equal(5, rule.Spec.Subsets[0].TrafficPolicy!.Mesh!.CircuitBreaker!.MinimumRequests);
    }

    [Fact]
    public void Load_BreakerWithoutFields_TakesDocumentedDefaults()
    {
        var rule = (DestinationRule)LoadAssert.Clean(Yaml.Rule("trafficPolicy:\n  x-orleansmesh:\n    circuitBreaker: {}")).Resources[0].Resource;

        Assert.Equal(new CircuitBreakerSettings(), rule.Spec.TrafficPolicy!.Mesh!.CircuitBreaker);
        Assert.Equal(FailureConditions.Default, rule.Spec.TrafficPolicy.Mesh.CircuitBreaker!.FailOn);
    }

    [Fact]
    public void Load_RouteExtension_ReadsRateLimits()
    {
        var yaml = Yaml.Http("- route:\n  - destination:\n      host: reviews\n  x-orleansmesh:\n    rateLimit:\n      requestsPerUnit: 5\n      key:\n        claim: sub\n    localRateLimit:\n      requestsPerUnit: 20\n      unit: HOUR");

        var service = (VirtualService)LoadAssert.Clean(yaml).Resources[0].Resource;

        Assert.Equal(new RateLimitSettings { RequestsPerUnit = 5, Key = new RateLimitKey { Claim = "sub" } }, service.Spec.Http[0].Mesh!.RateLimit);
        Assert.Equal(new RateLimitSettings { RequestsPerUnit = 20, Unit = RateLimitUnit.Hour }, service.Spec.Http[0].Mesh!.LocalRateLimit);
    }

    [Fact]
    public void ToYaml_Extensions_LoadBackEqual()
    {
        var original = LoadAssert.Clean(Yaml.Rule(FullRule)).Resources.Select(r => r.Resource).ToList();

        var reloaded = MeshConfigLoader.Load(MeshConfigWriter.ToYaml(original), "written.yaml");

        Assert.Empty(reloaded.Diagnostics);
        Assert.Null(ContentEquality.FirstDifference(original, reloaded.Resources.Select(r => r.Resource).ToList()));
    }

    [Theory]
    [InlineData("failurePercentage: 0", "failurePercentage must be greater than 0 and at most 100, got 0", "failurePercentage")]
    [InlineData("failurePercentage: 101", "failurePercentage must be greater than 0 and at most 100, got 101", "failurePercentage")]
    [InlineData("window: 0s", "duration must be greater than 0, got 0s", "window")]
    [InlineData("breakDuration: 0s", "duration must be greater than 0, got 0s", "breakDuration")]
    [InlineData("bucket: 20s", "bucket (20s) must not be longer than window (10s)", "bucket")]
    [InlineData("bucket: 10ms", "window / bucket must be at most 600 buckets, got 1000", "bucket")]
    [InlineData("minimumRequests: 0", "must be at least 1, got 0", "minimumRequests")]
    [InlineData("halfOpenProbes: 0", "must be at least 1, got 0", "halfOpenProbes")]
    [InlineData("failOn: []", "failOn must name at least one of 5xx, gateway-error, connect-failure, reset, timeout", "failOn")]
    public void Load_InvalidBreaker_ReportsField(string field, string message, string name)
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule($"trafficPolicy:\n  x-orleansmesh:\n    circuitBreaker:\n      {field}"));

        LoadAssert.Is(diagnostic, message, "spec.trafficPolicy.x-orleansmesh.circuitBreaker." + name, 10);
    }

    [Fact]
    public void Load_UnknownFailureCondition_ListsTheKnownOnes()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  x-orleansmesh:\n    circuitBreaker:\n      failOn: [5xx, oops]"));

        Assert.Equal("spec.trafficPolicy.x-orleansmesh.circuitBreaker.failOn[1]", diagnostic.Path);
        Assert.Contains("expected one of 5xx, gateway-error, connect-failure, reset, timeout", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requestsPerUnit: 0", "must be at least 1, got 0", "rateLimit.requestsPerUnit")]
    [InlineData("requestsPerUnit: 1\n      burst: 0", "must be at least 1, got 0", "rateLimit.burst")]
    [InlineData("requestsPerUnit: 1\n      key: {}", "key needs exactly one of header or claim", "rateLimit.key")]
    [InlineData("requestsPerUnit: 1\n      key: {header: a, claim: b}", "key needs exactly one of header or claim", "rateLimit.key")]
    [InlineData("requestsPerUnit: 1\n      key: {header: X-Tenant}", "invalid header name 'X-Tenant': use lowercase letters, digits and '-'", "rateLimit.key.header")]
    public void Load_InvalidRateLimit_ReportsField(string fields, string message, string path)
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule($"trafficPolicy:\n  x-orleansmesh:\n    rateLimit:\n      {fields}"));

        Assert.Equal(message, diagnostic.Message);
        Assert.Equal("spec.trafficPolicy.x-orleansmesh." + path, diagnostic.Path);
    }

    [Fact]
    public void Load_MisspelledExtensionField_SuggestsTheRightOne()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  x-orleansmesh:\n    circuitBreakr: {}"));

        Assert.Contains("did you mean 'circuitBreaker'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtensionAtPortLevel_IsUnknownThere()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  portLevelSettings:\n  - port:\n      number: 80\n    x-orleansmesh: {}"));

        Assert.Equal("spec.trafficPolicy.portLevelSettings[0].x-orleansmesh", diagnostic.Path);
    }
}
