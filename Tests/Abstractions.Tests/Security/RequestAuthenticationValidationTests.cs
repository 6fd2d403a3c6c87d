using OrleansMesh.Abstractions.Tests.Configuration;
using OrleansMesh.Configuration;
using OrleansMesh.Networking;
using OrleansMesh.ControlPlane;
using OrleansMesh.Security;

namespace OrleansMesh.Abstractions.Tests.Security;

public sealed class RequestAuthenticationValidationTests
{
    private const string Jwks = "'{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"xAE7\"}]}'";

    private const string Full = """
        selector:
          matchLabels:
            app: model
        jwtRules:
        - issuer: testing@secure.istio.io
          audiences: [a, b]
          jwksUri: https://issuer.test/jwks.json
          fromHeaders:
          - name: x-jwt
            prefix: "Token "
          fromParams: [token]
          fromCookies: [session]
          outputPayloadToHeader: x-jwt-payload
          outputClaimToHeaders:
          - header: x-sub
            claim: sub
          forwardOriginalToken: true
          timeout: 2s
        """;

    [Theory]
    [InlineData("security.istio.io/v1")]
    [InlineData("security.istio.io/v1beta1")]
    public void Load_EveryField_ReadsThem(string apiVersion)
    {
        var result = LoadAssert.Clean(SecurityYaml.Spec("RequestAuthentication", Full, apiVersion));

        var resource = Assert.IsType<RequestAuthentication>(Assert.Single(result.Resources).Resource);
        Assert.Equal(apiVersion, resource.ApiVersion);
        Assert.Equal("model", resource.Spec.Selector!.Labels["app"]);
        var rule = Assert.Single(resource.Spec.JwtRules);
        Assert.Equal("testing@secure.istio.io", rule.Issuer);
        Assert.Equal(["a", "b"], rule.Audiences.ToArray());
        Assert.Equal("https://issuer.test/jwks.json", rule.JwksUri);
        Assert.Equal(new JwtHeader { Name = "x-jwt", Prefix = "Token " }, Assert.Single(rule.FromHeaders));
        Assert.Equal(["token"], rule.FromParams.ToArray());
        Assert.Equal(["session"], rule.FromCookies.ToArray());
        Assert.Equal("x-jwt-payload", rule.OutputPayloadToHeader);
        Assert.Equal(new ClaimToHeader { Header = "x-sub", Claim = "sub" }, Assert.Single(rule.OutputClaimToHeaders));
        Assert.True(rule.ForwardOriginalToken);
        Assert.Equal(TimeSpan.FromSeconds(2), rule.Timeout);
    }

    [Fact]
    public void ToYaml_EveryField_RoundTrips()
    {
        var loaded = LoadAssert.Clean(SecurityYaml.Spec("RequestAuthentication", Full)).Resources[0].Resource;

        var again = LoadAssert.Clean(MeshConfigWriter.ToYaml([loaded])).Resources[0].Resource;

        Assert.Null(ContentEquality.FirstDifference(loaded, again));
    }

    [Fact]
    public void Load_InlineJwks_IsClean()
    {
        LoadAssert.Clean(SecurityYaml.Spec("RequestAuthentication", $"jwtRules:\n- issuer: a\n  jwks: {Jwks}"));
    }

    [Theory]
    [InlineData("jwtRules:\n- jwksUri: https://a.test/k", "issuer must be set", "spec.jwtRules[0].issuer", 7)]
    [InlineData("jwtRules:\n- issuer: a", "one of jwks or jwksUri is required (OpenID discovery from the issuer is not supported by OrleansMesh)", "spec.jwtRules[0].jwksUri", 7)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.example/jwks\n  spaceDelimitedClaims: ['']", "empty value not allowed", "spec.jwtRules[0].spaceDelimitedClaims[0]", 9)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: ftp://a.test/k", "invalid jwksUri 'ftp://a.test/k': expected an absolute http or https URL", "spec.jwtRules[0].jwksUri", 8)]
    [InlineData("jwtRules:\n- issuer: a\n  jwks: '{\"nokeys\":1}'", "jwks must be a JSON Web Key Set: an object with a non-empty 'keys' array", "spec.jwtRules[0].jwks", 8)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n  fromHeaders:\n  - prefix: x", "location header name must be set", "spec.jwtRules[0].fromHeaders[0].name", 10)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n  fromHeaders:\n  - name: bad header", "invalid header name 'bad header'", "spec.jwtRules[0].fromHeaders[0].name", 10)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n  fromParams: ['']", "location query must be set", "spec.jwtRules[0].fromParams[0]", 9)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n  fromCookies: ['']", "cookie name must be set", "spec.jwtRules[0].fromCookies[0]", 9)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n  outputPayloadToHeader: 'a b'", "invalid header name 'a b'", "spec.jwtRules[0].outputPayloadToHeader", 9)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n  outputClaimToHeaders:\n  - header: x\n    claim: ''", "claim must be set", "spec.jwtRules[0].outputClaimToHeaders[0].claim", 11)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n  timeout: 0s", "duration must be greater than 0, got 0s", "spec.jwtRules[0].timeout", 9)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n- issuer: a\n  jwksUri: https://a.test/k", "issuer 'a' appears in more than one jwtRule", "spec.jwtRules[1].issuer", 9)]
    [InlineData("targetRef:\n  kind: Gateway\n  name: gw", "attaching a policy to Gateway API resources is not supported by OrleansMesh; use selector.matchLabels", "spec.targetRef", 6)]
    [InlineData("selector:\n  matchLabel:\n    app: x", "unknown field 'matchLabel'; did you mean 'matchLabels'?", "spec.selector.matchLabel", 7)]
    [InlineData("jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n  forwardOriginalToken: maybe", "expected true or false, got 'maybe'", "spec.jwtRules[0].forwardOriginalToken", 9)]
    public void Load_InvalidField_ReportsPathAndLine(string body, string message, string path, int line)
    {
        var diagnostic = LoadAssert.SingleError(SecurityYaml.Spec("RequestAuthentication", body));

        LoadAssert.Is(diagnostic, message, path, line);
    }

    [Fact]
    public void Load_SelectorAndTargetRefs_ReportsBoth()
    {
        var result = MeshConfigLoader.Load(SecurityYaml.Spec("RequestAuthentication", "selector:\n  matchLabels:\n    app: x\ntargetRefs:\n- kind: Gateway\n  name: gw"), LoadAssert.File);

        Assert.Contains(result.Diagnostics, d => d.Path == "spec.selector" && d.Message == "only one of targetRefs or selector can be set" && d.Line == 6);
        Assert.Contains(result.Diagnostics, d => d.Path == "spec.targetRefs" && d.Severity == DiagnosticSeverity.Error && d.Line == 9);
    }

    [Fact]
    public void Load_JwksAndJwksUri_WarnsInlineWins()
    {
        var diagnostic = LoadAssert.Single(SecurityYaml.Spec("RequestAuthentication", $"jwtRules:\n- issuer: a\n  jwksUri: https://a.test/k\n  jwks: {Jwks}"), DiagnosticSeverity.Warning);

        LoadAssert.Is(diagnostic, "jwks and jwksUri are both set; the inline jwks is used", "spec.jwtRules[0].jwksUri", 8);
    }
}
