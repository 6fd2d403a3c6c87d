namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class GatewayValidationTests
{
    [Fact]
    public void Load_ServerWithPortAndHosts_IsClean()
    {
        LoadAssert.Clean(Yaml.Spec("Gateway", "selector:\n  istio: ingressgateway\nservers:\n- port:\n    number: 80\n    name: http\n    protocol: HTTP\n  hosts:\n  - \"*\""));
    }

    [Fact]
    public void Load_NoServers_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("Gateway", "selector:\n  istio: ingressgateway"));

        LoadAssert.Is(diagnostic, "at least one server is required", "spec.servers", 5);
    }

    [Fact]
    public void Load_ServerWithoutPort_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("Gateway", "servers:\n- hosts:\n  - \"*\""));

        LoadAssert.Is(diagnostic, "port number is required", "spec.servers[0].port.number", 7);
    }

    [Fact]
    public void Load_ServerWithoutHosts_ReportsRequired()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("Gateway", "servers:\n- port:\n    number: 80\n    name: http\n    protocol: HTTP"));

        LoadAssert.Is(diagnostic, "at least one host is required", "spec.servers[0].hosts", 7);
    }

    [Fact]
    public void Load_ServerTlsModeUnknown_ListsModes()
    {
        var diagnostic = LoadAssert.SingleError(Yaml.Spec("Gateway", "servers:\n- port:\n    number: 443\n    name: https\n    protocol: HTTPS\n  hosts:\n  - \"*\"\n  tls:\n    mode: STRICT"));

        LoadAssert.Is(diagnostic, "invalid value 'STRICT'; expected one of PASSTHROUGH, SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL, OPTIONAL_MUTUAL", "spec.servers[0].tls.mode", 14);
    }
}
