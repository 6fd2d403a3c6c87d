using OrleansMesh.Abstractions.Tests.Configuration;
using OrleansMesh.Configuration;
using OrleansMesh.Networking;
using OrleansMesh.ControlPlane;
using OrleansMesh.Security;

namespace OrleansMesh.Abstractions.Tests.Security;

public sealed class AuthorizationPolicyValidationTests
{
    private const string Full = """
        selector:
          matchLabels:
            app: model
        action: DENY
        rules:
        - from:
          - source:
              principals: [cluster.local/ns/a/sa/b]
              notPrincipals: [x]
              requestPrincipals: ["testing@secure.istio.io/*"]
              notRequestPrincipals: [y]
              namespaces: [a]
              notNamespaces: [b]
              ipBlocks: [10.0.0.0/8, 1.2.3.4]
              notIpBlocks: [10.1.0.0/16]
              remoteIpBlocks: ["::1"]
              notRemoteIpBlocks: [fd00::/8]
          to:
          - operation:
              hosts: [a.test]
              notHosts: [b.test]
              ports: ["8080"]
              notPorts: ["9090"]
              methods: [GET]
              notMethods: [POST]
              paths: [/v1/*]
              notPaths: ["*.html"]
          when:
          - key: request.auth.claims[groups]
            values: [group1]
          - key: request.headers[x-user]
            notValues: [bob]
          - key: request.auth.claims[a][b]
            values: [c]
        """;

    [Theory]
    [InlineData("security.istio.io/v1")]
    [InlineData("security.istio.io/v1beta1")]
    public void Load_EveryField_ReadsThem(string apiVersion)
    {
        var result = LoadAssert.Clean(SecurityYaml.Spec("AuthorizationPolicy", Full, apiVersion));

        var policy = Assert.IsType<AuthorizationPolicy>(Assert.Single(result.Resources).Resource);
        Assert.Equal(AuthorizationAction.Deny, policy.Spec.Action);
        var rule = Assert.Single(policy.Spec.Rules);
        var source = Assert.Single(rule.From);
        Assert.Equal(["cluster.local/ns/a/sa/b"], source.Principals.ToArray());
        Assert.Equal(["x"], source.NotPrincipals.ToArray());
        Assert.Equal(["testing@secure.istio.io/*"], source.RequestPrincipals.ToArray());
        Assert.Equal(["y"], source.NotRequestPrincipals.ToArray());
        Assert.Equal(["a"], source.Namespaces.ToArray());
        Assert.Equal(["b"], source.NotNamespaces.ToArray());
        Assert.Equal(["10.0.0.0/8", "1.2.3.4"], source.IpBlocks.ToArray());
        Assert.Equal(["10.1.0.0/16"], source.NotIpBlocks.ToArray());
        Assert.Equal(["::1"], source.RemoteIpBlocks.ToArray());
        Assert.Equal(["fd00::/8"], source.NotRemoteIpBlocks.ToArray());
        var operation = Assert.Single(rule.To);
        Assert.Equal(["a.test"], operation.Hosts.ToArray());
        Assert.Equal(["b.test"], operation.NotHosts.ToArray());
        Assert.Equal(["8080"], operation.Ports.ToArray());
        Assert.Equal(["9090"], operation.NotPorts.ToArray());
        Assert.Equal(["GET"], operation.Methods.ToArray());
        Assert.Equal(["POST"], operation.NotMethods.ToArray());
        Assert.Equal(["/v1/*"], operation.Paths.ToArray());
        Assert.Equal(["*.html"], operation.NotPaths.ToArray());
        Assert.Equal(3, rule.When.Length);
        Assert.Equal("request.headers[x-user]", rule.When[1].Key);
        Assert.Equal(["bob"], rule.When[1].NotValues.ToArray());
    }

    [Fact]
    public void ToYaml_EveryField_RoundTrips()
    {
        var loaded = LoadAssert.Clean(SecurityYaml.Spec("AuthorizationPolicy", Full)).Resources[0].Resource;

        var again = LoadAssert.Clean(MeshConfigWriter.ToYaml([loaded])).Resources[0].Resource;

        Assert.Null(ContentEquality.FirstDifference(loaded, again));
    }

    [Fact]
    public void Load_NoAction_IsAllow()
    {
        var result = LoadAssert.Clean(SecurityYaml.Spec("AuthorizationPolicy", "rules:\n- {}"));

        Assert.Equal(AuthorizationAction.Allow, ((AuthorizationPolicy)result.Resources[0].Resource).Spec.Action);
    }

    [Theory]
    [InlineData("source.ip", "10.0.0.1")]
    [InlineData("remote.ip", "10.0.0.0/8")]
    [InlineData("destination.ip", "::1")]
    [InlineData("destination.port", "8080")]
    [InlineData("source.namespace", "a")]
    [InlineData("source.principal", "a")]
    [InlineData("request.auth.principal", "a/b")]
    [InlineData("request.auth.audiences", "a")]
    [InlineData("request.auth.presenter", "a")]
    [InlineData("connection.sni", "a.test")]
    [InlineData("request.auth.claims[iss]", "a")]
    [InlineData("request.auth.claims[a][b]", "a")]
    [InlineData("request.headers[x-a]", "a")]
    public void Load_KnownConditionKey_IsClean(string key, string value)
    {
        LoadAssert.Clean(SecurityYaml.Spec("AuthorizationPolicy", $"rules:\n- when:\n  - key: {key}\n    values: [\"{value}\"]"));
    }

    [Theory]
    [InlineData("action: CUSTOM\nprovider:\n  name: ext", "action CUSTOM is not supported by OrleansMesh: there is no external authorizer, and storing the policy unenforced would let requests through unchecked; use ALLOW, DENY or AUDIT", "spec.action", 6)]
    [InlineData("action: deny", "invalid value 'deny'; expected one of ALLOW, DENY, AUDIT, CUSTOM", "spec.action", 6)]
    [InlineData("provider:\n  name: ext", "provider is only allowed with action CUSTOM", "spec.provider", 6)]
    [InlineData("rules:\n- from:\n  - source: {}", "source must not be empty", "spec.rules[0].from[0].source", 8)]
    [InlineData("rules:\n- from:\n  - source:\n      trustDomains: ['']", "empty value not allowed", "spec.rules[0].from[0].source.trustDomains[0]", 9)]
    [InlineData("rules:\n- from:\n  - {}", "'source' is required", "spec.rules[0].from[0]", 8)]
    [InlineData("rules:\n- to:\n  - operation: {}", "operation must not be empty", "spec.rules[0].to[0].operation", 8)]
    [InlineData("rules:\n- from:\n  - source:\n      ipBlocks: [10.0.0.300]", "invalid IP address or CIDR range: '10.0.0.300'", "spec.rules[0].from[0].source.ipBlocks[0]", 9)]
    [InlineData("rules:\n- from:\n  - source:\n      notRemoteIpBlocks: [1.2.3.4/40]", "invalid IP address or CIDR range: '1.2.3.4/40'", "spec.rules[0].from[0].source.notRemoteIpBlocks[0]", 9)]
    [InlineData("rules:\n- from:\n  - source:\n      principals: ['']", "empty value not allowed", "spec.rules[0].from[0].source.principals[0]", 9)]
    [InlineData("rules:\n- from:\n  - source:\n      serviceAccounts: [a/b]\n      namespaces: [a]", "serviceAccounts cannot be set together with principals or namespaces", "spec.rules[0].from[0].source.serviceAccounts", 9)]
    [InlineData("rules:\n- to:\n  - operation:\n      ports: [http]", "invalid port 'http': expected a number in 0..65535", "spec.rules[0].to[0].operation.ports[0]", 9)]
    [InlineData("rules:\n- to:\n  - operation:\n      notPorts: [\"70000\"]", "invalid port '70000': expected a number in 0..65535", "spec.rules[0].to[0].operation.notPorts[0]", 9)]
    [InlineData("rules:\n- to:\n  - operation:\n      methods: ['']", "empty value not allowed", "spec.rules[0].to[0].operation.methods[0]", 9)]
    [InlineData("rules:\n- to:\n  - operation:\n      paths: ['/a/{*}/b']", "path template '/a/{*}/b' ({*}, {**}) is not supported by OrleansMesh; use exact, '/prefix/*', '*suffix' or '*'", "spec.rules[0].to[0].operation.paths[0]", 9)]
    [InlineData("rules:\n- when:\n  - key: request.colour\n    values: [red]", "unknown attribute 'request.colour'; expected request.auth.claims[...], request.headers[...] or one of source.ip, remote.ip, destination.ip, destination.port, source.namespace, source.principal, source.serviceAccount, request.auth.principal, request.auth.audiences, request.auth.presenter, connection.sni", "spec.rules[0].when[0].key", 8)]
    [InlineData("rules:\n- when:\n  - key: request.headers[x]", "at least one of values or notValues must be set for key 'request.headers[x]'", "spec.rules[0].when[0]", 8)]
    [InlineData("rules:\n- when:\n  - key: ''\n    values: [a]", "key must not be empty", "spec.rules[0].when[0].key", 8)]
    [InlineData("rules:\n- when:\n  - key: request.headers[]\n    values: [a]", "bad key 'request.headers[]': should have format request.headers[name]", "spec.rules[0].when[0].key", 8)]
    [InlineData("rules:\n- when:\n  - key: request.headers[a][b]\n    values: [a]", "bad key 'request.headers[a][b]': should have format request.headers[name]", "spec.rules[0].when[0].key", 8)]
    [InlineData("rules:\n- when:\n  - key: request.auth.claims[a\n    values: [a]", "bad key 'request.auth.claims[a': should have format request.auth.claims[name]", "spec.rules[0].when[0].key", 8)]
    [InlineData("rules:\n- when:\n  - key: source.ip\n    values: [nope]", "invalid IP address or CIDR range: 'nope'", "spec.rules[0].when[0].values[0]", 9)]
    [InlineData("rules:\n- when:\n  - key: destination.port\n    notValues: [x]", "invalid port 'x': expected a number in 0..65535", "spec.rules[0].when[0].notValues[0]", 9)]
    [InlineData("rules:\n- from:\n  - source:\n      principal: [a]", "unknown field 'principal'; did you mean 'principals'?", "spec.rules[0].from[0].source.principal", 9)]
    public void Load_InvalidField_ReportsPathAndLine(string body, string message, string path, int line)
    {
        var diagnostic = LoadAssert.SingleError(SecurityYaml.Spec("AuthorizationPolicy", body));

        LoadAssert.Is(diagnostic, message, path, line);
    }

    [Fact]
    public void Load_ExperimentalKey_WarnsNeverMatches()
    {
        var diagnostic = LoadAssert.Single(SecurityYaml.Spec("AuthorizationPolicy", "rules:\n- when:\n  - key: experimental.envoy.filters.a[b]\n    values: [c]"), DiagnosticSeverity.Warning);

        LoadAssert.Is(diagnostic, "'experimental.envoy.filters.a[b]' is not evaluated by OrleansMesh: the condition never matches", "spec.rules[0].when[0].key", 8);
    }

    [Fact]
    public void Load_StarInsidePath_WarnsLiteral()
    {
        var diagnostic = LoadAssert.Single(SecurityYaml.Spec("AuthorizationPolicy", "rules:\n- to:\n  - operation:\n      paths: ['/a/*/b']"), DiagnosticSeverity.Warning);

        LoadAssert.Is(diagnostic, "'*' is a wildcard only at the start or end of a path; in '/a/*/b' it is matched literally", "spec.rules[0].to[0].operation.paths[0]", 9);
    }
}
