using OrleansMesh.Abstractions.Tests.Configuration;
using OrleansMesh.Configuration;
using OrleansMesh.Networking;
using OrleansMesh.Security;

namespace OrleansMesh.Abstractions.Tests.Security;

public sealed class PeerAuthenticationValidationTests
{
    private const string Full = "selector:\n  matchLabels:\n    app: model\nmtls:\n  mode: STRICT\nportLevelMtls:\n  \"8080\":\n    mode: PERMISSIVE";

    [Fact]
    public void Load_EveryField_ReadsThem()
    {
        var result = LoadAssert.Clean(SecurityYaml.Spec("PeerAuthentication", Full));

        var peer = Assert.IsType<PeerAuthentication>(Assert.Single(result.Resources).Resource);
        Assert.Equal(MutualTlsMode.Strict, peer.Spec.Mtls!.Mode);
        Assert.Equal(MutualTlsMode.Permissive, peer.Spec.PortLevelMtls["8080"].Mode);
    }

    [Fact]
    public void ToYaml_EveryField_RoundTrips()
    {
        var loaded = LoadAssert.Clean(SecurityYaml.Spec("PeerAuthentication", Full)).Resources[0].Resource;

        var again = LoadAssert.Clean(MeshConfigWriter.ToYaml([loaded])).Resources[0].Resource;

        Assert.Null(ContentEquality.FirstDifference(loaded, again));
    }

    [Theory]
    [InlineData("mtls:\n  mode: ON", "invalid value 'ON'; expected one of UNSET, DISABLE, PERMISSIVE, STRICT", "spec.mtls.mode", 7)]
    [InlineData("portLevelMtls:\n  \"80\":\n    mode: STRICT", "portLevelMtls requires a selector: a mesh- or namespace-wide PeerAuthentication cannot set per-port modes", "spec.portLevelMtls", 6)]
    [InlineData("selector:\n  matchLabels:\n    a: b\nportLevelMtls:\n  \"0\":\n    mode: STRICT", "port '0' must be a number in 1..65535", "spec.portLevelMtls.0", 10)]

    // Istio pkg/config/validation/validation.go ValidatePeerAuthentication: "port level mTLS, if defined, must have at
    // least one element"; validateWorkloadSelector: no '*' in a selector.
    [InlineData("selector:\n  matchLabels:\n    a: b\nportLevelMtls: {}", "port level mTLS, if defined, must have at least one element", "spec.portLevelMtls", 9)]
    [InlineData("selector:\n  matchLabels:\n    app: '*'", "wildcard is not supported in selector: \"app=*\"", "spec.selector.matchLabels.app", 8)]
    public void Load_InvalidField_ReportsPathAndLine(string body, string message, string path, int line)
    {
        var diagnostic = LoadAssert.SingleError(SecurityYaml.Spec("PeerAuthentication", body));

        LoadAssert.Is(diagnostic, message, path, line);
    }
}
