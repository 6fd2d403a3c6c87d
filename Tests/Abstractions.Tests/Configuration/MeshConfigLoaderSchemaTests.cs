using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class MeshConfigLoaderSchemaTests
{
    private const string Route = """
        - route:
          - destination:
              host: reviews
        """;

    [Fact]
    public void Load_SimpleRoute_IsClean()
    {
        var result = LoadAssert.Clean(Yaml.Http(Route));

        var service = Assert.IsType<VirtualService>(Assert.Single(result.Resources).Resource);
        Assert.Equal("reviews", service.Spec.Http[0].Route[0].Destination.Host);
    }

    [Fact]
    public void Load_MisspelledField_SuggestsNearestName()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("""
            - route:
              - destination:
                  host: reviews
                weigth: 100
            """));

        LoadAssert.Is(diagnostic, "unknown field 'weigth'; did you mean 'weight'?", "spec.http[0].route[0].weigth", 12);
        Assert.Equal(7, diagnostic.Column);
        Assert.Equal("virtualservice/default/reviews", diagnostic.Resource);
    }

    [Fact]
    public void Load_UnknownField_ListsValidFields()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("""
            - route:
              - destination:
                  host: reviews
                  version: v1
            """));

        LoadAssert.Is(diagnostic, "unknown field 'version'; valid fields: host, subset, port", "spec.http[0].route[0].destination.version", 12);
    }

    [Fact]
    public void Load_UnknownTopLevelField_SuggestsSpec()
    {
        var diagnostic = LoadAssert.SingleError("apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: a\nspce:\n  address: 127.0.0.1\n");

        LoadAssert.Is(diagnostic, "unknown field 'spce'; did you mean 'spec'?", "spce", 5);
    }

    public static TheoryData<string, string, string, int> UnsupportedFields() => new()
    {
        { Yaml.Spec("VirtualService", "delegate:\n  name: x"), "field 'delegate' of VirtualService is not supported by OrleansMesh", "spec.delegate", 6 },
        { Yaml.Rule("trafficPolicy:\n  tunnel:\n    protocol: CONNECT"), "field 'tunnel' of TrafficPolicy is not supported by OrleansMesh", "spec.trafficPolicy.tunnel", 8 },
        { Yaml.Http("- directResponse:\n    status: 200\n    body:\n      bytes: b2s="), "field 'bytes' of HTTPBody is not supported by OrleansMesh", "spec.http[0].directResponse.body.bytes", 12 },
        { Yaml.Http("- redirect:\n    prefixRewrite: /v2"), "field 'prefixRewrite' of HTTPRedirect is not supported by OrleansMesh", "spec.http[0].redirect.prefixRewrite", 10 },
    };

    // Fields of current Istio (istio/api networking/v1alpha3) accepted without effect: a warning that says so, and the
    // resource is kept.
    public static TheoryData<string, string, string, int> UnenforcedFields() => new()
    {
        { Yaml.Spec("VirtualService", "hosts:\n- reviews\ntcp:\n- route: []"), "field 'tcp' of VirtualService is not supported by OrleansMesh: accepted and not enforced (OrleansMesh routes HTTP only); the rest of the VirtualService applies", "spec.tcp", 8 },
        { Yaml.Spec("VirtualService", "hosts:\n- reviews\ntls: []"), "field 'tls' of VirtualService is not supported by OrleansMesh: accepted and not enforced (OrleansMesh routes HTTP only; no SNI passthrough); the rest of the VirtualService applies", "spec.tls", 8 },
        { Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    localityLbSetting:\n      enabled: true"), "field 'localityLbSetting' of LoadBalancerSettings is not supported by OrleansMesh: accepted and not enforced (endpoints are balanced without regard to locality)", "spec.trafficPolicy.loadBalancer.localityLbSetting", 9 },
        { Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    zoneAwareLbSetting:\n      enabled: true"), "field 'zoneAwareLbSetting' of LoadBalancerSettings is not supported by OrleansMesh: accepted and not enforced (endpoints are balanced without regard to zone)", "spec.trafficPolicy.loadBalancer.zoneAwareLbSetting", 9 },
        { Yaml.Rule("workloadSelector:\n  matchLabels:\n    app: reviews"), "field 'workloadSelector' of DestinationRule is not supported by OrleansMesh: accepted and not enforced (the rule applies to traffic from every gateway)", "spec.workloadSelector", 7 },
        { Yaml.Rule("trafficPolicy:\n  connectionPool:\n    tcp:\n      tcpKeepalive:\n        time: 7200s"), "field 'tcpKeepalive' of ConnectionPoolSettings.TCPSettings is not supported by OrleansMesh: accepted and ignored (upstream connections keep the operating system's TCP keep-alive settings)", "spec.trafficPolicy.connectionPool.tcp.tcpKeepalive", 10 },
        { Yaml.Rule("trafficPolicy:\n  retryBudget:\n    percent:\n      value: 20"), "field 'retryBudget' of TrafficPolicy is not supported by OrleansMesh: accepted and ignored (retries in flight are bounded by connectionPool.http.maxRetries only)", "spec.trafficPolicy.retryBudget", 8 },
        { Yaml.Rule("trafficPolicy:\n  outlierDetection:\n    outlierDetectionHttpErrorCodes: [429]"), "field 'outlierDetectionHttpErrorCodes' of OutlierDetection is not supported by OrleansMesh: accepted and ignored (5xx responses and gateway errors count as errors, as without it)", "spec.trafficPolicy.outlierDetection.outlierDetectionHttpErrorCodes", 9 },
        { Yaml.Http("- route:\n  - destination:\n      host: reviews\n  retries:\n    attempts: 2\n    backoff: 50ms"), "field 'backoff' of HTTPRetry is not supported by OrleansMesh: accepted and ignored (retries back off as Envoy's default, 25 ms base with jitter)", "spec.http[0].retries.backoff", 14 },
    };

    [Theory]
    [MemberData(nameof(UnenforcedFields))]
    public void Load_IstioFieldOrleansMeshDoesNotEnforce_WarnsAndKeepsResource(string yaml, string message, string path, int line)
    {
        LoadAssert.Is(LoadAssert.Single(yaml, DiagnosticSeverity.Warning), message, path, line);
        Assert.Single(MeshConfigLoader.Load(yaml, LoadAssert.File).Resources);
    }

    // istio/api virtual_service.proto HTTPMatchRequest.headers: "If the value is empty and only the name of header is
    // specified, presence of the header is checked" (pilot's canBeConvertedToPresentMatch).
    [Fact]
    public void Load_EmptyHeaderMatch_ReadAsPresenceAndWrittenBack()
    {
        var yaml = Yaml.Http("- match:\n  - headers:\n      x-canary: {}\n    withoutHeaders:\n      x-legacy: {}\n  route:\n  - destination:\n      host: reviews");
        var result = LoadAssert.Clean(yaml);
        var match = ((VirtualService)result.Resources[0].Resource).Spec.Http[0].Match[0];

        Assert.Equal(StringMatch.Present(), match.Headers["x-canary"]);
        Assert.Equal(StringMatch.Present(), match.WithoutHeaders["x-legacy"]);
        Assert.Contains("x-canary: {}", MeshConfigWriter.ToYaml([result.Resources[0].Resource]), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyUriMatch_StillRequiresOneKind()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- match:\n  - uri: {}\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "exactly one of 'exact', 'prefix' or 'regex' must be set", "spec.http[0].match[0].uri", 10);
    }

    [Fact]
    public void Load_DeprecatedMirrorPercent_ReadAsMirrorPercentage()
    {
        var result = LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: reviews\n  mirror:\n    host: shadow\n  mirrorPercent: 30"));

        Assert.Equal(30, ((VirtualService)result.Resources[0].Resource).Spec.Http[0].MirrorPercentage?.Value);
    }

    [Fact]
    public void Load_DeprecatedCorsAllowOrigin_ReadAsExactAllowOrigins()
    {
        var result = LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: reviews\n  corsPolicy:\n    allowOrigin: [https://a.example]"));

        Assert.Equal([StringMatch.Exact("https://a.example")], ((VirtualService)result.Resources[0].Resource).Spec.Http[0].CorsPolicy?.AllowOrigins);
    }

    [Theory]
    [MemberData(nameof(UnsupportedFields))]
    public void Load_IstioFieldOrleansMeshLacks_ReportsNotSupported(string yaml, string message, string path, int line)
    {
        LoadAssert.Is(LoadAssert.SingleError(yaml), message, path, line);
    }

    public static TheoryData<string, string, string, int> WrongTypes() => new()
    {
        { Yaml.Http("- route:\n  - destination:\n      host: reviews\n    weight: abc"), "expected an integer, got 'abc'", "spec.http[0].route[0].weight", 12 },
        { Yaml.Http("- route:\n  - destination: [reviews]"), "expected a mapping (Destination), got a list", "spec.http[0].route[0].destination", 10 },
        { Yaml.Spec("VirtualService", "hosts:\n  reviews: true"), "expected a list, got a mapping", "spec.hosts", 6 },
        { Yaml.Http("- route:\n  - destination:\n      host: [reviews]"), "expected a string, got a list", "spec.http[0].route[0].destination.host", 11 },
        { Yaml.Http("- match:\n  - ignoreUriCase: yes\n  route:\n  - destination:\n      host: reviews"), "expected true or false, got 'yes'", "spec.http[0].match[0].ignoreUriCase", 10 },
        { Yaml.Http("- route:\n  - destination:\n      host: reviews\n    weight: 99999999999"), "99999999999 is out of range (-2147483648..2147483647)", "spec.http[0].route[0].weight", 12 },
        { Yaml.Http("- route:\n  - destination:\n      host: reviews\n      port:\n        number: -1"), "-1 is out of range (0..4294967295)", "spec.http[0].route[0].destination.port.number", 13 },
        { Yaml.Http("- fault:\n    abort:\n      httpStatus: 503\n      percentage:\n        value: 1e400\n  route:\n  - destination:\n      host: reviews"), "1e400 is out of range", "spec.http[0].fault.abort.percentage.value", 13 },
        { Yaml.Http("- route:\n  - destination:\n      host: reviews\n      port: {}"), "'number' is required", "spec.http[0].route[0].destination.port", 12 },
        { "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: [reviews]\n", "expected a mapping (metadata), got a list", "metadata", 3 },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void Load_WrongType_ReportsExpectedTypeWithPathAndLine(string yaml, string message, string path, int line)
    {
        LoadAssert.Is(LoadAssert.SingleError(yaml), message, path, line);
    }

    [Fact]
    public void Load_BadLoadBalancer_ListsAllowedValues()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    simple: FASTEST"));

        LoadAssert.Is(diagnostic, "invalid value 'FASTEST'; expected one of UNSPECIFIED, RANDOM, PASSTHROUGH, ROUND_ROBIN, LEAST_REQUEST, LEAST_CONN", "spec.trafficPolicy.loadBalancer.simple", 9);
        Assert.Equal(15, diagnostic.Column);
    }

    [Fact]
    public void Load_BadTlsMode_ListsAllowedValues()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  tls:\n    mode: STRICT"));

        LoadAssert.Is(diagnostic, "invalid value 'STRICT'; expected one of DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL", "spec.trafficPolicy.tls.mode", 9);
    }

    [Fact]
    public void Load_BadResolution_ListsAllowedValues()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("ServiceEntry", "hosts:\n- api.example.com\nresolution: MAGIC"));

        LoadAssert.Is(diagnostic, "invalid value 'MAGIC'; expected one of NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS", "spec.resolution", 8);
    }

    [Fact]
    public void Load_AllLoadBalancerSpellings_AreRead()
    {
        string[] names = ["UNSPECIFIED", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST", "LEAST_CONN"];

        var read = names.Select(n => ((DestinationRule)LoadAssert.Clean(Yaml.Rule($"trafficPolicy:\n  loadBalancer:\n    simple: {n}")).Resources[0].Resource).Spec.TrafficPolicy!.LoadBalancer!.Simple);

        Assert.Equal(Enum.GetValues<SimpleLoadBalancer>().Cast<SimpleLoadBalancer?>(), read);
    }

    [Fact]
    public void Load_StringMatchWithNoKind_ReportsExactlyOne()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- match:\n  - uri: {}\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "exactly one of 'exact', 'prefix' or 'regex' must be set", "spec.http[0].match[0].uri", 10);
    }

    [Fact]
    public void Load_StringMatchWithTwoKinds_NamesThem()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http("- match:\n  - headers:\n      end-user:\n        exact: jason\n        prefix: ja\n  route:\n  - destination:\n      host: reviews"));

        LoadAssert.Is(diagnostic, "only one of 'exact', 'prefix' or 'regex' may be set, found 'exact' and 'prefix'", "spec.http[0].match[0].headers.end-user", 11);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("-1s")]
    [InlineData("soon")]
    [InlineData("1.5")]
    [InlineData("10 s")]
    public void Load_BadDuration_ReportsInvalidDuration(string text)
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Http($"- route:\n  - destination:\n      host: reviews\n  timeout: \"{text}\""));

        LoadAssert.Is(diagnostic, $"invalid duration '{text}': expected a non-negative number with a unit (h, m, s, ms, us or ns), e.g. 7s, 500ms, 1.5s or 1h30m", "spec.http[0].timeout", 12);
    }

    [Fact]
    public void Load_DeprecatedDelayPercent_BecomesPercentage()
    {
        var result = LoadAssert.Clean(Yaml.Http("- fault:\n    delay:\n      fixedDelay: 5s\n      percent: 50\n  route:\n  - destination:\n      host: reviews"));

        var service = (VirtualService)result.Resources[0].Resource;
        Assert.Equal(new Percent { Value = 50 }, service.Spec.Http[0].Fault?.Delay?.Percentage);
        Assert.Equal(TimeSpan.FromSeconds(5), service.Spec.Http[0].Fault?.Delay?.FixedDelay);
    }

    [Fact]
    public void Load_NamespaceGiven_IsKept()
    {
        var result = LoadAssert.Clean("apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: a\n  namespace: gpu\nspec:\n  address: 127.0.0.1\n");

        Assert.Equal("workloadentry/gpu/a", result.Resources[0].Resource.Id.ToString());
    }

    [Fact]
    public void Load_NullFieldValue_IsUnset()
    {
        var result = LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: reviews\n      subset:\n  timeout: ~"));

        var route = ((VirtualService)result.Resources[0].Resource).Spec.Http[0];
        Assert.Null(route.Route[0].Destination.Subset);
        Assert.Null(route.Timeout);
    }
}
