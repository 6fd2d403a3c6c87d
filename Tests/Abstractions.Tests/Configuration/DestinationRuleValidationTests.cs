using OrleansMesh.Configuration;
using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class DestinationRuleValidationTests
{
    [Fact]
    public void Load_DistinctSubsets_IsClean()
    {
        LoadAssert.Clean(Yaml.Rule("subsets:\n- name: v1\n  labels:\n    version: v1\n- name: v2\n  labels:\n    version: v2"));
    }

    [Fact]
    public void Load_DuplicateSubsetName_ReportsTheSecond()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("subsets:\n- name: v1\n  labels:\n    version: v1\n- name: v1\n  labels:\n    version: v2"));

        LoadAssert.Is(diagnostic, "duplicate subset name 'v1'", "spec.subsets[1].name", 11);
    }

    [Fact]
    public void Load_SubsetWithoutName_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("subsets:\n- labels:\n    version: v1"));

        LoadAssert.Is(diagnostic, "subset name is required", "spec.subsets[0].name", 8);
    }

    [Fact]
    public void Load_MissingHost_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("DestinationRule", "subsets:\n- name: v1"));

        LoadAssert.Is(diagnostic, "host is required", "spec.host", 5);
    }

    [Fact]
    public void Load_SimpleAndConsistentHash_ReportsExclusive()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    simple: RANDOM\n    consistentHash:\n      useSourceIp: true"));

        LoadAssert.Is(diagnostic, "simple and consistentHash cannot both be set", "spec.trafficPolicy.loadBalancer", 8);
    }

    [Fact]
    public void Load_ConsistentHashWithTwoKeys_ReportsExactlyOne()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  loadBalancer:\n    consistentHash:\n      useSourceIp: true\n      httpHeaderName: x-user"));

        LoadAssert.Is(diagnostic, "exactly one of httpHeaderName, httpCookie, useSourceIp or httpQueryParameterName must be set", "spec.trafficPolicy.loadBalancer.consistentHash", 9);
    }

    [Fact]
    public void Load_MaxEjectionPercentOver100_ReportsRange()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  outlierDetection:\n    consecutive5xxErrors: 5\n    maxEjectionPercent: 150"));

        LoadAssert.Is(diagnostic, "maxEjectionPercent must be between 0 and 100, got 150", "spec.trafficPolicy.outlierDetection.maxEjectionPercent", 10);
    }

    [Fact]
    public void Load_ZeroConnectTimeout_ReportsMustBePositive()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  connectionPool:\n    tcp:\n      connectTimeout: 0s"));

        LoadAssert.Is(diagnostic, "duration must be greater than 0, got 0s", "spec.trafficPolicy.connectionPool.tcp.connectTimeout", 10);
    }

    [Fact]
    public void Load_MutualTlsWithoutCertificates_ReportsBoth()
    {
        var result = OrleansMesh.Configuration.MeshConfigLoader.Load(Yaml.Rule("trafficPolicy:\n  tls:\n    mode: MUTUAL"), LoadAssert.File);

        Assert.Equal(2, result.Diagnostics.Length);
        LoadAssert.Is(result.Diagnostics[0], "clientCertificate is required for MUTUAL TLS unless credentialName is set", "spec.trafficPolicy.tls.clientCertificate", 8);
        LoadAssert.Is(result.Diagnostics[1], "privateKey is required for MUTUAL TLS unless credentialName is set", "spec.trafficPolicy.tls.privateKey", 8);
    }

    [Fact]
    public void Load_MutualTlsWithCredentialName_IsClean()
    {
        LoadAssert.Clean(Yaml.Rule("trafficPolicy:\n  tls:\n    mode: MUTUAL\n    credentialName: client-cert"));
    }

    [Fact]
    public void Load_PortLevelSettingWithoutPort_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  portLevelSettings:\n  - loadBalancer:\n      simple: RANDOM"));

        LoadAssert.Is(diagnostic, "port is required", "spec.trafficPolicy.portLevelSettings[0].port", 9);
    }

    // Istio pkg/config/validation/validation.go validateConnectionPool: http2KeepAlive needs interval and timeout.
    [Fact]
    public void Load_Http2KeepAlive_ReadAndWrittenBack()
    {
        var yaml = Yaml.Rule("trafficPolicy:\n  connectionPool:\n    http:\n      http2KeepAlive:\n        interval: 10s\n        timeout: 3s");
        var rule = (DestinationRule)LoadAssert.Clean(yaml).Resources[0].Resource;

        Assert.Equal(new Http2KeepAlive { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(3) }, rule.Spec.TrafficPolicy?.ConnectionPool?.Http?.Http2KeepAlive);
        Assert.Contains("http2KeepAlive:", MeshConfigWriter.ToYaml([rule]), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Http2KeepAliveWithoutTimeout_ReportsAsIstioValidateConnectionPool()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Rule("trafficPolicy:\n  connectionPool:\n    http:\n      http2KeepAlive:\n        interval: 10s"));

        LoadAssert.Is(diagnostic, "http2 keepalive timeout is required", "spec.trafficPolicy.connectionPool.http.http2KeepAlive", 10);
    }
}
