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
        var diagnostic = LoadAssert.SingleError(Entry("ports:\n- number: 80\n  name: http\nendpoints:\n- address: 127.0.0.1\n  ports:\n    grpc: 9090"));

        LoadAssert.Is(diagnostic, "port 'grpc' is not declared in spec.ports (declared: http)", "spec.endpoints[0].ports.grpc", 14);
    }

    [Fact]
    public void Load_EndpointsAndWorkloadSelector_ReportsExclusive()
    {
        var diagnostic = LoadAssert.SingleError(Entry("endpoints:\n- address: 127.0.0.1\nworkloadSelector:\n  labels:\n    app: llm"));

        LoadAssert.Is(diagnostic, "endpoints and workloadSelector cannot both be set", "spec.workloadSelector", 10);
    }

    [Fact]
    public void Load_EndpointWithoutAddress_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Entry("endpoints:\n- labels:\n    app: llm"));

        LoadAssert.Is(diagnostic, "address is required", "spec.endpoints[0].address", 9);
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
}
