using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class ServiceEntryValidationTests
{
    private static string Entry(string body) => Yaml.Spec("ServiceEntry", "hosts:\n- api.example.com\n" + body);

    [Fact]
    public void Load_PortsAndEndpoints_IsClean()
    {
        LoadAssert.Clean(Entry("ports:\n- number: 80\n  name: http\n  protocol: HTTP\nresolution: STATIC\nendpoints:\n- address: 127.0.0.1\n  ports:\n    http: 8080"));
    }

    [Fact]
    public void Load_MissingHosts_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("ServiceEntry", "ports:\n- number: 80\n  name: http"));

        LoadAssert.Is(diagnostic, "at least one host is required", "spec.hosts", 5);
    }

    [Fact]
    public void Load_PortOutOfRange_ReportsRange()
    {
        var diagnostic = LoadAssert.SingleError(Entry("ports:\n- number: 70000\n  name: http"));

        LoadAssert.Is(diagnostic, "port number 70000 is out of range (1..65535)", "spec.ports[0].number", 9);
    }

    [Fact]
    public void Load_DuplicatePortNumber_ReportsTheSecond()
    {
        var diagnostic = LoadAssert.SingleError(Entry("ports:\n- number: 80\n  name: http\n- number: 80\n  name: web"));

        LoadAssert.Is(diagnostic, "duplicate port number 80", "spec.ports[1].number", 11);
    }

    [Fact]
    public void Load_DuplicatePortName_ReportsTheSecond()
    {
        var diagnostic = LoadAssert.SingleError(Entry("ports:\n- number: 80\n  name: http\n- number: 81\n  name: http"));

        LoadAssert.Is(diagnostic, "duplicate port name 'http'", "spec.ports[1].name", 12);
    }

    [Fact]
    public void Load_UnknownProtocol_ListsProtocols()
    {
        var diagnostic = LoadAssert.SingleError(Entry("ports:\n- number: 80\n  name: http\n  protocol: SPDY"));

        LoadAssert.Is(diagnostic, "unknown protocol 'SPDY'; expected one of HTTP, HTTPS, HTTP2, HTTP_PROXY, GRPC, GRPC-WEB, TCP, TLS, UDP, MONGO, REDIS, MYSQL", "spec.ports[0].protocol", 11);
    }

    [Fact]
    public void Load_EndpointPortNotDeclared_NamesDeclaredPorts()
    {
        var diagnostic = LoadAssert.SingleError(Entry("resolution: STATIC\nports:\n- number: 80\n  name: http\nendpoints:\n- address: 127.0.0.1\n  ports:\n    grpc: 9090"));

        LoadAssert.Is(diagnostic, "port 'grpc' is not declared in spec.ports (declared: http)", "spec.endpoints[0].ports.grpc", 15);
    }

    [Fact]
    public void Load_EndpointsAndWorkloadSelector_ReportsExclusive()
    {
        var diagnostic = LoadAssert.SingleError(Entry("resolution: STATIC\nendpoints:\n- address: 127.0.0.1\nworkloadSelector:\n  labels:\n    app: llm"));

        LoadAssert.Is(diagnostic, "endpoints and workloadSelector cannot both be set", "spec.workloadSelector", 11);
    }

    [Fact]
    public void Load_EndpointWithoutAddress_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Entry("resolution: STATIC\nendpoints:\n- labels:\n    app: llm"));

        LoadAssert.Is(diagnostic, "address is required", "spec.endpoints[0].address", 10);
    }

    [Fact]
    public void Load_WorkloadEntryWithoutAddress_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("WorkloadEntry", "labels:\n  app: llm"));

        LoadAssert.Is(diagnostic, "address is required", "spec.address", 5);
    }

    [Fact]
    public void Load_WorkloadEntryWithAddress_IsClean()
    {
        LoadAssert.Clean(Yaml.Spec("WorkloadEntry", "address: 127.0.0.1\nports:\n  http: 8080"));
    }

    // Istio pkg/config/validation/validation.go ValidateServiceEntry: `hosts: ["*"]` is refused ("Full wildcard is not
    // allowed in the service entry").
    [Fact]
    public void Load_FullWildcardHost_ReportsInvalidHostAsIstioValidateServiceEntry()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("ServiceEntry", "hosts:\n- '*'\nresolution: STATIC"));

        LoadAssert.Is(diagnostic, "invalid host *", "spec.hosts[0]", 7);
    }

    // Istio pkg/config/validation/agent/validation.go ValidateWildcardDomain: the first label may be '*', '*name' or
    // '*-name'; ValidatePartialWildCard makes the partial forms a warning on a ServiceEntry.
    [Theory]
    [InlineData("*.example.com")]
    [InlineData("*api.example.com")]
    public void Load_WildcardFirstLabel_AcceptedAsIstioValidateWildcardDomain(string host)
    {
        var result = MeshConfigLoader.Load(Yaml.Spec("ServiceEntry", $"hosts:\n- '{host}'\nresolution: STATIC"), LoadAssert.File);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Single(result.Resources);
    }

    [Fact]
    public void Load_PartialWildcardHost_WarnsAsIstioValidatePartialWildCard()
    {
        var diagnostic = LoadAssert.Single(Yaml.Spec("ServiceEntry", "hosts:\n- '*-api.example.com'\nresolution: STATIC"), DiagnosticSeverity.Warning);

        LoadAssert.Is(diagnostic, "partial wildcard \"*-api.example.com\" not allowed", "spec.hosts[0]", 7);
    }

    [Theory]
    [InlineData("a*.example.com")]
    [InlineData("api.*.com")]
    public void Load_WildcardOutsideFirstLabelPrefix_ReportsInvalidHostAsIstioValidateWildcardDomain(string host)
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("ServiceEntry", $"hosts:\n- '{host}'\nresolution: STATIC"));

        LoadAssert.Is(diagnostic, $"invalid host '{host}': expected a DNS name, '*' or '*.suffix'", "spec.hosts[0]", 7);
    }

    // Istio ValidateAlphaWorkloadSelector: a selector is matched literally; '*' in a key or value is refused.
    [Fact]
    public void Load_WorkloadSelectorWildcardValue_ReportsAsIstioValidateAlphaWorkloadSelector()
    {
        var diagnostic = LoadAssert.SingleError(Entry("workloadSelector:\n  labels:\n    app: 'llm-*'"));

        LoadAssert.Is(diagnostic, "wildcard is not supported in selector: \"app=llm-*\"", "spec.workloadSelector.labels.app", 10);
    }

    [Fact]
    public void Load_CidrAddressWithDnsResolution_ReportsAsIstioValidateServiceEntry()
    {
        var diagnostic = LoadAssert.SingleError(Entry("addresses:\n- 10.0.0.0/24\nresolution: DNS"));

        LoadAssert.Is(diagnostic, "CIDR addresses are allowed only for NONE/STATIC resolution types", "spec.addresses", 8);
    }

    [Fact]
    public void Load_CidrAddressWithStaticResolution_IsClean()
    {
        LoadAssert.Clean(Entry("addresses:\n- 10.0.0.0/24\nresolution: STATIC"));
    }

    [Fact]
    public void Load_ResolutionNoneWithEndpoints_ReportsAsIstioValidateServiceEntry()
    {
        var diagnostic = LoadAssert.SingleError(Entry("resolution: NONE\nendpoints:\n- address: 127.0.0.1"));

        LoadAssert.Is(diagnostic, "no endpoints should be provided for resolution type none", "spec.endpoints", 9);
    }

    [Fact]
    public void Load_DnsRoundRobinWithTwoEndpoints_ReportsAsIstioValidateServiceEntry()
    {
        var diagnostic = LoadAssert.SingleError(Entry("resolution: DNS_ROUND_ROBIN\nendpoints:\n- address: a.example.com\n- address: b.example.com"));

        LoadAssert.Is(diagnostic, "there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN", "spec.endpoints", 9);
    }

    [Fact]
    public void Load_DnsRoundRobinWithOneEndpoint_IsClean()
    {
        LoadAssert.Clean(Entry("resolution: DNS_ROUND_ROBIN\nendpoints:\n- address: a.example.com"));
    }

    // Istio ValidatePortName: a port name is a DNS-1123 label.
    [Fact]
    public void Load_PortNameAt_ReportsAsIstioValidatePortName()
    {
        var diagnostic = LoadAssert.SingleError(Entry("ports:\n- number: 80\n  name: '@'\n  protocol: HTTP"));

        LoadAssert.Is(diagnostic, "invalid port name: @", "spec.ports[0].name", 10);
    }

    [Fact]
    public void Load_WorkloadEntryPortNameAt_ReportsAsIstioValidatePortName()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("WorkloadEntry", "address: 127.0.0.1\nports:\n  '@': 8080"));

        LoadAssert.Is(diagnostic, "invalid port name: @", "spec.ports[\"@\"]", 8);
    }

    // Istio ValidateProtocol: an empty protocol is protocol sniffing, not an error.
    [Fact]
    public void Load_EmptyPortProtocol_IsCleanAsIstioValidateProtocol()
    {
        LoadAssert.Clean(Entry("ports:\n- number: 80\n  name: http\n  protocol: ''\nresolution: STATIC"));
    }

    // Istio validateWorkloadEntry + ValidateUnixAddress: an absolute path to a file, and no ports.
    [Theory]
    [InlineData("unix://relative.sock", "relative.sock is not an absolute path to a file")]
    [InlineData("unix:///dir/", "/dir/ is not an absolute path to a file")]
    public void Load_WorkloadEntryBadUnixAddress_ReportsAsIstioValidateUnixAddress(string address, string message)
    {
        var errors = MeshConfigLoader.Load(Yaml.Spec("WorkloadEntry", $"address: '{address}'"), LoadAssert.File).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

        LoadAssert.Is(Assert.Single(errors), message, "spec.address", 6);
    }

    [Fact]
    public void Load_WorkloadEntryUnixSocketWithPorts_ReportsAsIstioValidateWorkloadEntry()
    {
        var errors = MeshConfigLoader.Load(Yaml.Spec("WorkloadEntry", "address: unix:///var/run/model.sock\nports:\n  http: 8080"), LoadAssert.File).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

        LoadAssert.Is(Assert.Single(errors), "unix endpoint unix:///var/run/model.sock must not include ports", "spec.ports", 7);
    }

    [Fact]
    public void Load_WorkloadEntryUnixSocket_WarnsItGetsNoTraffic()
    {
        var diagnostic = LoadAssert.Single(Yaml.Spec("WorkloadEntry", "address: unix:///var/run/model.sock"), DiagnosticSeverity.Warning);

        LoadAssert.Is(diagnostic, "unix domain socket endpoints are not supported by OrleansMesh: this endpoint gets no traffic", "spec.address", 6);
    }

    // Istio validateWorkloadEntry: no address is allowed with a network (reached through that network's gateway).
    [Fact]
    public void Load_WorkloadEntryNetworkWithoutAddress_WarnsAsIstioValidateWorkloadEntry()
    {
        var diagnostic = LoadAssert.Single(Yaml.Spec("WorkloadEntry", "network: west\nlabels:\n  app: llm"), DiagnosticSeverity.Warning);

        LoadAssert.Is(diagnostic, "address is unset with network \"west\": OrleansMesh sends this endpoint no traffic", "spec.address", 5);
    }

    // istio/api service_entry.proto Resolution DYNAMIC_DNS: an Istio value, refused by name.
    [Fact]
    public void Load_DynamicDnsResolution_ReportsNotSupported()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("ServiceEntry", "hosts:\n- '*.example.com'\nresolution: DYNAMIC_DNS"));

        LoadAssert.Is(diagnostic, "resolution DYNAMIC_DNS is not supported by OrleansMesh: list the hosts with resolution DNS", "spec.resolution", 8);
    }
}
