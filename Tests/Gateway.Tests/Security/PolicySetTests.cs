using OrleansMesh.Gateway.Security.Authentication;
using static OrleansMesh.Gateway.Tests.Security.Policies;

namespace OrleansMesh.Gateway.Tests.Security;

/// <summary>Istio's authorization tasks (HTTP traffic, deny, JWT) and its evaluation order, as tables.</summary>
public sealed class PolicySetTests
{
    private const string Groups = """{"iss":"testing@secure.istio.io","sub":"testing@secure.istio.io","groups":["group1","group2"],"aud":["a","b"],"azp":"web","org":{"team":"ml"},"admin":true}""";
    private const string Demo = """{"iss":"testing@secure.istio.io","sub":"testing@secure.istio.io","foo":"bar"}""";

    [Fact]
    public void Evaluate_NoPolicies_Allows()
    {
        Assert.True(Load("").Evaluate(Request()).Allowed);
    }

    [Fact]
    public void Evaluate_AllowNothing_DeniesEverything()
    {
        var decision = Load(Policy("allow-nothing", "{}")).Evaluate(Request());

        Assert.False(decision.Allowed);
        Assert.Null(decision.Policy);
    }

    [Fact]
    public void Evaluate_AllowingOperationAndSourceRules_AllocatesNothing()
    {
        // Evaluated on every request a policy applies to: a lambda capturing the request would allocate each time. (A
        // Host with a port costs its portless copy, which host rules also match.)
        var policies = Load(Policy("viewer", "action: ALLOW\nrules:\n- from:\n  - source:\n      ipBlocks: [10.1.0.0/16]\n  to:\n  - operation:\n      hosts: [httpbin.foo]\n      methods: [GET, POST]\n      paths: [/v1/*, /productpage]"));
        var request = Request("POST", "/v1/chat/completions", host: "httpbin.foo");
        Assert.True(policies.Evaluate(request).Allowed);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var allowed = policies.Evaluate(request).Allowed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allowed);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("GET", "/productpage", true)]
    [InlineData("GET", "/static/app.js", true)]
    [InlineData("POST", "/productpage", false)]
    [InlineData("GET", "/admin", false)]
    public void Evaluate_AllowByMethodAndPath_AsIstioHttpTask(string method, string path, bool allowed)
    {
        var policies = Load(Policy("productpage-viewer", "action: ALLOW\nrules:\n- to:\n  - operation:\n      methods: [GET]\n      paths: [/productpage, /static/*]"));

        Assert.Equal(allowed, policies.Evaluate(Request(method, path)).Allowed);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("guest", false)]
    [InlineData(null, false)]
    public void Evaluate_DenyByHeader_AsIstioDenyTask(string? token, bool allowed)
    {
        var policies = Load(Policy("deny-method-get", "action: DENY\nrules:\n- to:\n  - operation:\n      methods: [GET]\n  when:\n  - key: request.headers[x-token]\n    notValues: [admin]"));
        (string, string)[] headers = token is null ? [] : [("x-token", token)];

        var decision = policies.Evaluate(Request(headers: headers));

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? null : "foo/deny-method-get", decision.Policy);
    }

    [Theory]
    [InlineData(Groups, true)]
    [InlineData(Demo, false)]
    [InlineData(null, false)]
    public void Evaluate_RequireJwtWithGroup1_AsIstioJwtTask(string? claims, bool allowed)
    {
        var policies = Load(Policy("require-jwt", "action: ALLOW\nrules:\n- from:\n  - source:\n      requestPrincipals: [testing@secure.istio.io/testing@secure.istio.io]\n  when:\n  - key: request.auth.claims[groups]\n    values: [group1]"));

        Assert.Equal(allowed, policies.Evaluate(Request(claims: claims)).Allowed);
    }

    [Fact]
    public void Evaluate_DenyAndAllowBothMatch_DenyWins()
    {
        var policies = Load(Policy("allow-all", "rules:\n- {}") + Policy("deny-admin", "action: DENY\nrules:\n- to:\n  - operation:\n      paths: [/admin*]"));

        Assert.Equal("foo/deny-admin", policies.Evaluate(Request(path: "/admin/x")).Policy);
        Assert.True(policies.Evaluate(Request(path: "/public")).Allowed);
    }

    [Fact]
    public void Evaluate_AuditMatches_OnlyReported()
    {
        var policies = Load(Policy("audit-all", "action: AUDIT\nrules:\n- {}"));

        var decision = policies.Evaluate(Request());

        Assert.True(decision.Allowed);
        Assert.Equal(["foo/audit-all"], decision.Audited);
    }

    [Fact]
    public void Evaluate_AuditWithAllowThatMisses_StillDenied()
    {
        var policies = Load(Policy("audit-all", "action: AUDIT\nrules:\n- {}") + Policy("allow-post", "rules:\n- to:\n  - operation:\n      methods: [POST]"));

        var decision = policies.Evaluate(Request());

        Assert.False(decision.Allowed);
        Assert.Equal(["foo/audit-all"], decision.Audited);
    }

    [Theory]
    [InlineData("paths: [/a]", "/a", true)]
    [InlineData("paths: [/a]", "/a/b", false)]
    [InlineData("paths: [/a/*]", "/a/b/c", true)]
    [InlineData("paths: [/a/*]", "/a", false)]
    [InlineData("paths: ['*.html']", "/x/index.html", true)]
    [InlineData("paths: ['*.html']", "/x/index.htm", false)]
    [InlineData("paths: ['*']", "/anything", true)]
    [InlineData("notPaths: [/private/*]", "/private/x", false)]
    [InlineData("notPaths: [/private/*]", "/public", true)]
    [InlineData("methods: [GET, HEAD]", "/", true)]
    [InlineData("notMethods: [GET]", "/", false)]
    [InlineData("hosts: [HTTPBIN.foo]", "/", true)]
    [InlineData("hosts: ['*.foo']", "/", true)]
    [InlineData("hosts: [other.foo]", "/", false)]
    [InlineData("notHosts: [httpbin.foo:8000]", "/", false)]
    [InlineData("ports: [\"8000\"]", "/", true)]
    [InlineData("ports: [\"9000\"]", "/", false)]
    [InlineData("notPorts: [\"8000\"]", "/", false)]
    public void Evaluate_OperationField_MatchesAsIstio(string field, string path, bool matches)
    {
        var policies = Load(Policy("p", $"rules:\n- to:\n  - operation:\n      {field}"));

        Assert.Equal(matches, policies.Evaluate(Request(path: path)).Allowed);
    }

    [Theory]
    [InlineData("ipBlocks: [10.0.0.0/8]", null, true)]
    [InlineData("ipBlocks: [10.1.2.3]", null, true)]
    [InlineData("ipBlocks: [192.168.0.0/16]", null, false)]
    [InlineData("notIpBlocks: [10.1.0.0/16]", null, false)]
    [InlineData("remoteIpBlocks: [10.1.2.0/24]", null, true)]
    [InlineData("notRemoteIpBlocks: [10.1.2.0/24]", null, false)]
    [InlineData("requestPrincipals: ['*']", Demo, true)]
    [InlineData("requestPrincipals: ['*']", null, false)]
    [InlineData("requestPrincipals: ['testing@secure.istio.io/*']", Demo, true)]
    [InlineData("requestPrincipals: [other/testing@secure.istio.io]", Demo, false)]
    [InlineData("notRequestPrincipals: ['*']", null, true)]
    [InlineData("notRequestPrincipals: ['*']", Demo, false)]
    [InlineData("principals: ['*']", null, false)]
    [InlineData("notPrincipals: [cluster.local/ns/a/sa/b]", null, true)]
    [InlineData("namespaces: [foo]", null, false)]
    [InlineData("notNamespaces: [foo]", null, true)]

    // istio/api security/v1beta1 authorization_policy.proto Source.trustDomains: the peer's trust domain, from mTLS; a
    // request without a peer identity has none, as with principals.
    [InlineData("trustDomains: [cluster.local]", null, false)]
    [InlineData("notTrustDomains: [cluster.local]", null, true)]
    public void Evaluate_SourceField_MatchesAsIstio(string field, string? claims, bool matches)
    {
        var policies = Load(Policy("p", $"rules:\n- from:\n  - source:\n      {field}"));

        Assert.Equal(matches, policies.Evaluate(Request(claims: claims)).Allowed);
    }

    [Theory]
    [InlineData("request.auth.claims[groups]", "values: [group2]", true)]
    [InlineData("request.auth.claims[groups]", "values: [group3]", false)]
    [InlineData("request.auth.claims[groups]", "notValues: [group1]", false)]
    [InlineData("request.auth.claims[org][team]", "values: [ml]", true)]
    [InlineData("request.auth.claims[org][team]", "values: [web]", false)]
    [InlineData("request.auth.claims[admin]", "values: ['true']", true)]
    [InlineData("request.auth.claims[missing]", "values: ['*']", false)]
    [InlineData("request.auth.principal", "values: [testing@secure.istio.io/testing@secure.istio.io]", true)]
    [InlineData("request.auth.audiences", "values: [b]", true)]
    [InlineData("request.auth.audiences", "values: [c]", false)]
    [InlineData("request.auth.presenter", "values: [web]", true)]
    [InlineData("request.headers[x-user]", "values: ['ali*']", true)]
    [InlineData("request.headers[x-absent]", "notValues: [x]", true)]
    [InlineData("source.ip", "values: [10.0.0.0/8]", true)]
    [InlineData("remote.ip", "notValues: [10.0.0.0/8]", false)]
    [InlineData("destination.ip", "values: [127.0.0.1]", true)]
    [InlineData("destination.port", "values: ['8000']", true)]
    [InlineData("destination.port", "values: ['80']", false)]
    [InlineData("source.namespace", "values: [foo]", false)]
    [InlineData("source.principal", "notValues: [x]", true)]
    [InlineData("connection.sni", "values: ['*']", false)]
    [InlineData("experimental.envoy.filters.a[b]", "values: [c]", false)]
    public void Evaluate_Condition_MatchesAsIstio(string key, string values, bool matches)
    {
        var policies = Load(Policy("p", $"rules:\n- when:\n  - key: {key}\n    {values}"));

        Assert.Equal(matches, policies.Evaluate(Request(claims: Groups, headers: ("x-user", "alice"))).Allowed);
    }

    [Fact]
    public void Evaluate_RuleFields_AllMustMatch()
    {
        var policies = Load(Policy("p", "rules:\n- from:\n  - source:\n      ipBlocks: [10.0.0.0/8]\n  to:\n  - operation:\n      methods: [GET]\n  when:\n  - key: request.headers[x-user]\n    values: [alice]"));

        Assert.True(policies.Evaluate(Request(headers: ("x-user", "alice"))).Allowed);
        Assert.False(policies.Evaluate(Request(method: "PUT", headers: ("x-user", "alice"))).Allowed);
        Assert.False(policies.Evaluate(Request(ip: "192.168.1.1", headers: ("x-user", "alice"))).Allowed);
        Assert.False(policies.Evaluate(Request(headers: ("x-user", "bob"))).Allowed);
    }

    [Fact]
    public void Evaluate_IPv4MappedSource_MatchesIPv4Block()
    {
        var policies = Load(Policy("p", "rules:\n- from:\n  - source:\n      ipBlocks: [127.0.0.0/8]"));

        Assert.True(policies.Evaluate(Request(ip: "::ffff:127.0.0.1")).Allowed);
    }

    [Theory]
    [InlineData("trustDomains: [cluster.local]", "cluster.local/ns/a/sa/b", true)]
    [InlineData("trustDomains: ['*.local']", "cluster.local/ns/a/sa/b", true)]
    [InlineData("trustDomains: [other.domain]", "cluster.local/ns/a/sa/b", false)]
    [InlineData("notTrustDomains: [cluster.local]", "cluster.local/ns/a/sa/b", false)]
    public void Evaluate_TrustDomainsOfPeerPrincipal_MatchAsIstio(string field, string principal, bool matches)
    {
        var policies = Load(Policy("p", $"rules:\n- from:\n  - source:\n      {field}"));

        Assert.Equal(matches, policies.Evaluate(Request() with { SourcePrincipal = principal }).Allowed);
    }

    // istio/api security/v1beta1 request_authentication.proto JWTRule.spaceDelimitedClaims: 'scope' and 'permission'
    // always, and the listed claims, are matched word by word (Envoy's normalize_payload_in_metadata).
    [Theory]
    [InlineData("scope", "{\"iss\":\"i\",\"sub\":\"s\",\"scope\":\"read write\"}", true)]
    [InlineData("permission", "{\"iss\":\"i\",\"sub\":\"s\",\"permission\":\"read write\"}", true)]
    [InlineData("roles", "{\"iss\":\"i\",\"sub\":\"s\",\"roles\":\"read write\"}", false)]
    public void Evaluate_ClaimConditionOnSpaceDelimitedString_MatchesAWordByDefaultForScopeAndPermission(string claim, string claims, bool matches)
    {
        var policies = Load(Policy("p", $"rules:\n- when:\n  - key: request.auth.claims[{claim}]\n    values: [read]"));

        Assert.Equal(matches, policies.Evaluate(Request() with { Authentication = Auth(claims) }).Allowed);
    }

    [Fact]
    public void Evaluate_ClaimListedAsSpaceDelimited_MatchesAWord()
    {
        var policies = Load(Policy("p", "rules:\n- when:\n  - key: request.auth.claims[roles]\n    values: [admin]"));
        var authentication = Auth("{\"iss\":\"i\",\"sub\":\"s\",\"roles\":\"user admin\"}") with
        {
            SpaceDelimitedClaims = MeshAuthentication.SpaceDelimited(new OrleansMesh.Security.JwtRule { SpaceDelimitedClaims = ["roles"] }),
        };

        Assert.True(policies.Evaluate(Request() with { Authentication = authentication }).Allowed);
    }
}
