using System.Text.RegularExpressions;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class VirtualServiceValidationTests
{
    // Istio pkg/config/validation/validation.go validateHTTPRouteDestinations / validateWeight (istio/istio#39544):
    // weights are relative, each >= 0, several destinations must not total 0.
    [Fact]
    public void Load_WeightsSummingTo100_IsClean()
    {
        LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: reviews\n      subset: v1\n    weight: 60\n  - destination:\n      host: reviews\n      subset: v2\n    weight: 40"));
    }

    [Fact]
    public void Load_WeightsNotSummingTo100_IsCleanAsIstioValidateWeights()
    {
        LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: reviews\n      subset: v1\n    weight: 60\n  - destination:\n      host: reviews\n      subset: v2\n    weight: 30"));
    }

    [Fact]
    public void Load_WeightsAbove100_IsCleanAsIstioValidateWeights()
    {
        LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: reviews\n    weight: 150\n  - destination:\n      host: ratings\n    weight: 450"));
    }

    [Fact]
    public void Load_AllButOneWeightZero_IsCleanAsIstioValidateWeights()
    {
        LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: reviews\n    weight: 0\n  - destination:\n      host: ratings\n    weight: 5"));
    }

    [Fact]
    public void Load_SingleDestinationWeightZero_IsCleanAsIstioValidateWeights()
    {
        LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: reviews\n    weight: 0"));
    }

    [Fact]
    public void Load_MissingWeightsOnTwoDestinations_ReportsTotalZeroAsIstioValidateWeights()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- route:\n  - destination:\n      host: reviews\n  - destination:\n      host: ratings"));

        LoadAssert.Is(diagnostic, "total destination weight = 0", "spec.http[0].route", 9);
        Assert.Equal("virtualservice/default/reviews", diagnostic.Resource);
    }

    [Fact]
    public void Load_NegativeWeight_ReportsAtWeightAsIstioValidateWeight()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- route:\n  - destination:\n      host: reviews\n    weight: -50\n  - destination:\n      host: ratings\n    weight: 150"));

        LoadAssert.Is(diagnostic, "weight -50 < 0", "spec.http[0].route[0].weight", 12);
    }

    [Fact]
    public void Load_TotalWeightOverflowingInt32_ReportsAtRoute()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- route:\n  - destination:\n      host: reviews\n    weight: 2147483647\n  - destination:\n      host: ratings\n    weight: 1"));

        LoadAssert.Is(diagnostic, "total destination weight 2147483648 exceeds 2147483647", "spec.http[0].route", 9);
    }

    // Istio pkg/config/validation/validation.go validateDestination: a wildcard host (ValidateWildcardDomain) is a
    // destination, "*" is not.
    [Fact]
    public void Load_WildcardDestinationHost_IsCleanAsIstioValidateDestination()
    {
        LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: '*.example.com'"));
    }

    [Fact]
    public void Load_FullWildcardDestinationHost_ReportsAsIstioValidateDestination()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- route:\n  - destination:\n      host: '*'"));

        LoadAssert.Is(diagnostic, "invalid destination host *", "spec.http[0].route[0].destination.host", 11);
    }

    [Fact]
    public void Load_PartialWildcardVirtualServiceHost_IsCleanAsIstioValidateWildcardDomain()
    {
        LoadAssert.Clean(Yaml.Spec("VirtualService", "hosts:\n- '*-api.example.com'\nhttp:\n- route:\n  - destination:\n      host: reviews"));
    }

    // Istio: a VirtualService without hosts is a delegate (pkg/config/validation/validation.go, ValidateVirtualService).
    [Fact]
    public void Load_MissingHosts_IsADelegate()
    {
        LoadAssert.Clean(Yaml.Spec("VirtualService", "http:\n- route:\n  - destination:\n      host: reviews"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*.example.com")]
    [InlineData("reviews.default.svc.cluster.local")]
    public void Load_ValidHost_IsClean(string host)
    {
        LoadAssert.Clean(Yaml.Spec("VirtualService", $"hosts:\n- \"{host}\"\nhttp:\n- route:\n  - destination:\n      host: reviews"));
    }

    [Theory]
    [InlineData("a.*.com")]
    [InlineData("bad host")]
    [InlineData("-reviews")]
    public void Load_InvalidHost_ReportsHost(string host)
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("VirtualService", $"hosts:\n- \"{host}\"\nhttp:\n- route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, $"invalid host '{host}': expected a DNS name, '*' or '*.suffix'", "spec.hosts[0]", 7);
    }

    [Fact]
    public void Load_RouteWithoutAction_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- name: nothing\n  timeout: 1s"));

        LoadAssert.Is(diagnostic, "one of route, redirect or directResponse is required", "spec.http[0]", 9);
    }

    [Fact]
    public void Load_RedirectAndRoute_ReportsExclusive()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- redirect:\n    uri: /new\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "redirect and route cannot both be set", "spec.http[0].redirect", 9);
    }

    [Fact]
    public void Load_DirectResponseAndRoute_ReportsExclusive()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- route:\n  - destination:\n      host: reviews\n  directResponse:\n    status: 503"));

        LoadAssert.Is(diagnostic, "directResponse and route cannot both be set", "spec.http[0].directResponse", 12);
    }

    [Fact]
    public void Load_DirectResponseStatusOutOfRange_ReportsRange()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- directResponse:\n    status: 700"));

        LoadAssert.Is(diagnostic, "status must be between 200 and 599, got 700", "spec.http[0].directResponse.status", 10);
    }

    [Fact]
    public void Load_DestinationWithoutHost_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- route:\n  - destination:\n      subset: v1"));

        LoadAssert.Is(diagnostic, "destination host is required", "spec.http[0].route[0].destination.host", 10);
    }

    [Fact]
    public void Load_DestinationPortOutOfRange_ReportsRange()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- route:\n  - destination:\n      host: reviews\n      port:\n        number: 70000"));

        LoadAssert.Is(diagnostic, "port number 70000 is out of range (1..65535)", "spec.http[0].route[0].destination.port.number", 13);
    }

    [Fact]
    public void Load_AbortPercentageOver100_ReportsRange()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- fault:\n    abort:\n      httpStatus: 503\n      percentage:\n        value: 150\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "percentage must be between 0 and 100, got 150", "spec.http[0].fault.abort.percentage.value", 13);
    }

    [Fact]
    public void Load_AbortStatusNotHttp_ReportsRange()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- fault:\n    abort:\n      httpStatus: 700\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "httpStatus must be between 200 and 599, got 700", "spec.http[0].fault.abort.httpStatus", 11);
    }

    [Fact]
    public void Load_ZeroFixedDelay_ReportsMustBePositive()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- fault:\n    delay:\n      fixedDelay: 0s\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "duration must be greater than 0, got 0s", "spec.http[0].fault.delay.fixedDelay", 11);
    }

    [Fact]
    public void Load_FaultWithNeitherDelayNorAbort_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- fault: {}\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "fault needs delay or abort", "spec.http[0].fault", 9);
    }

    [Fact]
    public void Load_NegativeRetryAttempts_ReportsNegative()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- retries:\n    attempts: -1\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "must not be negative, got -1", "spec.http[0].retries.attempts", 10);
    }

    [Fact]
    public void Load_UnknownRetryCondition_ListsEnvoyConditions()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- retries:\n    attempts: 3\n    retryOn: 5xx,bogus,503\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(
            diagnostic,
            "invalid retryOn condition 'bogus'; expected 5xx, gateway-error, reset, connect-failure, envoy-ratelimited, retriable-4xx, refused-stream, retriable-status-codes, retriable-headers, cancelled, deadline-exceeded, internal, resource-exhausted, unavailable or an HTTP status code",
            "spec.http[0].retries.retryOn",
            11);
    }

    [Fact]
    public void Load_ZeroPerTryTimeout_ReportsMustBePositive()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- retries:\n    attempts: 3\n    perTryTimeout: 0ms\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "duration must be greater than 0, got 0s", "spec.http[0].retries.perTryTimeout", 11);
    }

    [Fact]
    public void Load_RedirectCodeNot3xx_ReportsRange()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- redirect:\n    uri: /new\n    redirectCode: 200"));

        LoadAssert.Is(diagnostic, "redirectCode must be a 3xx status, got 200", "spec.http[0].redirect.redirectCode", 11);
    }

    [Fact]
    public void Load_InvalidRegex_ReportsDotNetMessage()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- match:\n  - uri:\n      regex: \"/v1/(chat\"\n  route:\n  - destination:\n      host: reviews"));

        var expected = Assert.ThrowsAny<ArgumentException>(() => new Regex("^(?:/v1/(chat)$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
        LoadAssert.Is(diagnostic, $"invalid regular expression '/v1/(chat': {expected.Message}", "spec.http[0].match[0].uri.regex", 11);
    }

    [Fact]
    public void Load_BackreferenceRegex_ReportsNotSupportedByLinearEngine()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- match:\n  - headers:\n      x-id:\n        regex: \"(a)\\\\1\"\n  route:\n  - destination:\n      host: reviews"));

        Assert.StartsWith("invalid regular expression '(a)\\1': ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("spec.http[0].match[0].headers.x-id.regex", diagnostic.Path);
        Assert.Equal(12, diagnostic.Line);
    }

    [Fact]
    public void Load_InvalidRewriteRegex_ReportsAtMatch()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- rewrite:\n    uriRegexRewrite:\n      match: \"[\"\n      rewrite: /x\n  route:\n  - destination:\n      host: reviews"));

        Assert.StartsWith("invalid regular expression '[': ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("spec.http[0].rewrite.uriRegexRewrite.match", diagnostic.Path);
        Assert.Equal(11, diagnostic.Line);
    }

    [Fact]
    public void Load_RewriteUriWithoutLeadingSlash_ReportsAtUri()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- rewrite:\n    uri: v2/\n  route:\n  - destination:\n      host: reviews"));

        Assert.Equal("'v2/' must start with '/': it replaces the start of the request path", diagnostic.Message);
        Assert.Equal("spec.http[0].rewrite.uri", diagnostic.Path);
        Assert.Equal(10, diagnostic.Line);
    }

    [Theory]
    [InlineData("bad host")]
    [InlineData("llm.internal:http")]
    [InlineData("llm.internal:0")]
    [InlineData("llm/internal")]
    public void Load_RewriteAuthorityThatIsNoHostAndPort_ReportsAtAuthority(string authority)
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http($"- rewrite:\n    authority: \"{authority}\"\n  route:\n  - destination:\n      host: reviews"));

        Assert.Equal($"'{authority}' is not a valid authority: expected a host name or IP address, optionally with ':port'", diagnostic.Message);
        Assert.Equal("spec.http[0].rewrite.authority", diagnostic.Path);
    }

    [Theory]
    [InlineData("llm.internal")]
    [InlineData("llm.internal:8080")]
    [InlineData("10.0.0.7:80")]
    [InlineData("[::1]:8080")]
    public void Load_RewriteAuthorityHostAndPort_IsAccepted(string authority)
    {
        LoadAssert.Clean(Yaml.Http($"- rewrite:\n    authority: \"{authority}\"\n  route:\n  - destination:\n      host: reviews"));
    }

    [Fact]
    public void Load_MirrorPercentageOver100_ReportsRange()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- route:\n  - destination:\n      host: reviews\n  mirror:\n    host: shadow\n  mirrorPercentage:\n    value: 101"));

        LoadAssert.Is(diagnostic, "percentage must be between 0 and 100, got 101", "spec.http[0].mirrorPercentage.value", 15);
    }
}
