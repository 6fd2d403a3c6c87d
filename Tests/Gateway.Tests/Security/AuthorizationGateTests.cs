using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.ControlPlane;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Pipeline;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Security.Authentication;
using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Gateway.Security.Jwt;
using OrleansMesh.Security;
using static OrleansMesh.Gateway.Tests.Security.TestTokens;

namespace OrleansMesh.Gateway.Tests.Security;

/// <summary>
/// Selector scoping (gateway labels vs destination labels) and the destination-level gate. The gateway is in
/// istio-system (the default), destinations in foo, where <see cref="Policies.Policy"/> puts policies.
/// </summary>
public sealed class AuthorizationGateTests : IDisposable
{
    private const string Root = PeerAuthenticationResolver.DefaultRootNamespace;
    private const string Foo = "foo";
    private static readonly Dictionary<string, string> s_gatewayLabels = new() { ["istio"] = "ingressgateway" };
    private readonly JwksCache _jwks = new(Options.Create(new MeshSecurityOptions()), new FakeTimeProvider(Now), NullLogger<JwksCache>.Instance);
    private SecuritySnapshot _security = SecuritySnapshot.Empty;
    private readonly AuthorizationGate _gate;

    public AuthorizationGateTests()
    {
        var authenticator = new TokenAuthenticator(new JwtValidator(new MeshSecurityOptions(), new FakeTimeProvider(Now)));
        _gate = new AuthorizationGate(authenticator, new AuthorizationAudit(NullLogger<AuthorizationAudit>.Instance));
    }

    [Fact]
    public void Compile_SelectorOfGatewayLabels_AppliesBeforeRouting()
    {
        var snapshot = Compile(Policy("gw", "selector:\n  matchLabels:\n    istio: ingressgateway\naction: DENY\nrules:\n- {}", Root));

        Assert.False(snapshot.Gateway.Policies.Evaluate(new RequestAttributes()).Allowed);
        Assert.True(snapshot.ForDestination(Foo, Labels("app", "model")).Policies.Evaluate(new RequestAttributes()).Allowed);
    }

    [Fact]
    public void Compile_SelectorOfDestinationLabels_AppliesOnlyThere()
    {
        var snapshot = Compile(Policy("model", "selector:\n  matchLabels:\n    app: model\naction: DENY\nrules:\n- {}"));

        Assert.True(snapshot.Gateway.Policies.IsEmpty);
        Assert.False(snapshot.ForDestination(Foo, Labels("app", "model")).Policies.Evaluate(new RequestAttributes()).Allowed);
        Assert.True(snapshot.ForDestination(Foo, Labels("app", "other")).IsEmpty);
    }

    [Fact]
    public void Compile_NoSelectorInRootNamespace_AppliesAtGatewayAndEveryDestination()
    {
        var snapshot = Compile(Policy("mesh", "action: DENY\nrules:\n- {}", Root));

        Assert.False(snapshot.Gateway.Policies.Evaluate(new RequestAttributes()).Allowed);
        Assert.False(snapshot.ForDestination(Foo, Labels("app", "any")).Policies.Evaluate(new RequestAttributes()).Allowed);
    }

    [Fact]
    public void Compile_NamespaceAllowAndSelectedAllow_DestinationMatchesEither()
    {
        var snapshot = Compile(
            Policy("get", "rules:\n- to:\n  - operation:\n      methods: [GET]"),
            Policy("post-model", "selector:\n  matchLabels:\n    app: model\nrules:\n- to:\n  - operation:\n      methods: [POST]"));
        var policies = snapshot.ForDestination(Foo, Labels("app", "model")).Policies;

        Assert.True(policies.Evaluate(new RequestAttributes { Method = "GET" }).Allowed);
        Assert.True(policies.Evaluate(new RequestAttributes { Method = "POST" }).Allowed);
        Assert.False(policies.Evaluate(new RequestAttributes { Method = "PUT" }).Allowed);
    }

    [Fact]
    public async Task CheckAsync_DeniedAtDestination_Writes403AndReturnsFalse()
    {
        _security = Compile(Policy("model", "selector:\n  matchLabels:\n    app: model\naction: DENY\nrules:\n- to:\n  - operation:\n      paths: [/private/*]"));
        var context = Context("/private/x");

        var allowed = await CheckAsync(context, Endpoint(Labels("app", "model")));

        Assert.False(allowed);
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.Equal("RBAC", context.Response.Headers["x-mesh-response-flags"].ToString());
    }

    [Fact]
    public async Task CheckAsync_OtherEndpoint_Allowed()
    {
        _security = Compile(Policy("model", "selector:\n  matchLabels:\n    app: model\naction: DENY\nrules:\n- {}"));

        Assert.True(await CheckAsync(Context("/"), Endpoint(Labels("app", "other"))));
    }

    [Fact]
    public async Task CheckAsync_DestinationPort_IsTheEndpointPort()
    {
        _security = Compile(Policy("port", "action: DENY\nrules:\n- to:\n  - operation:\n      ports: [\"9001\"]"));

        Assert.False(await CheckAsync(Context("/"), Endpoint(Labels("app", "x"))));
    }

    [Fact]
    public async Task CheckAsync_BadTokenForSelectedRequestAuthentication_Writes401()
    {
        var authentication = new RequestAuthentication
        {
            Metadata = new() { Name = "model-jwt", Namespace = Foo },
            Spec = new() { Selector = new() { Labels = Labels("app", "model") }, JwtRules = [Rule()] },
        };
        _security = Compiler.Compile(new MeshSnapshot { RequestAuthentications = [authentication] }, s_gatewayLabels);
        var context = Context("/");
        context.Features.Set(new MeshAuthenticationFeature(null, [new FoundToken(Rs256(Claims(), "k1", Attacker), JwtLocation.Defaults[0])]));

        var allowed = await CheckAsync(context, Endpoint(Labels("app", "model")));

        Assert.False(allowed);
        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
    }

    [Fact]
    public async Task CheckAsync_GoodTokenForSelectedRequestAuthentication_SetsPrincipal()
    {
        var authentication = new RequestAuthentication
        {
            Metadata = new() { Name = "model-jwt", Namespace = Foo },
            Spec = new() { Selector = new() { Labels = Labels("app", "model") }, JwtRules = [Rule()] },
        };
        _security = Compiler.Compile(new MeshSnapshot { RequestAuthentications = [authentication] }, s_gatewayLabels);
        var context = Context("/");
        var feature = new MeshAuthenticationFeature(null, [new FoundToken(Rs256(Claims()), JwtLocation.Defaults[0])]);
        context.Features.Set(feature);

        Assert.True(await CheckAsync(context, Endpoint(Labels("app", "model"))));
        Assert.Equal("https://issuer.test/alice", feature.Authentication!.Principal);
    }

    [Fact]
    public void Merge_Update_CarriesPoliciesWhole()
    {
        var policy = Load(Policy("p", "action: DENY\nrules:\n- {}"))[0];

        var merged = MeshSnapshotMerge.Apply(new MeshSnapshot { Generation = 1 }, new MeshUpdate { Generation = 2, BaseGeneration = 1, AuthorizationPolicies = [policy] });

        Assert.Same(policy, Assert.Single(merged.AuthorizationPolicies));
    }

    public void Dispose() => _jwks.Dispose();

    private SecuritySnapshotCompiler Compiler => new(_jwks, Options.Create(new MeshGatewayOptions()));

    private SecuritySnapshot Compile(params string[] policies) =>
        Compiler.Compile(new MeshSnapshot { Generation = 1, AuthorizationPolicies = [.. Load(string.Concat(policies))] }, s_gatewayLabels);

    private static ImmutableArray<AuthorizationPolicy> Load(string yaml) =>
        [.. MeshConfigLoader.Load(yaml, "t.yaml").Resources.Select(r => (AuthorizationPolicy)r.Resource)];

    // The gate refuses; the request path answers the refusal (MeshAnswers), as it does for every step.
    private async Task<bool> CheckAsync(HttpContext context, UpstreamEndpoint endpoint)
    {
        if (await _gate.CheckAsync(context, _security, endpoint) is not { } refusal)
        {
            return true;
        }

        await MeshAnswers.WriteAsync(context, refusal);
        return false;
    }

    private static string Policy(string name, string spec, string ns = Foo) => Policies.Policy(name, spec, ns);

    private static ImmutableDictionary<string, string> Labels(string key, string value) => ImmutableDictionary<string, string>.Empty.Add(key, value);

    private static UpstreamEndpoint Endpoint(ImmutableDictionary<string, string> labels) =>
        new("127.0.0.1", 9001, "http://127.0.0.1:9001", labels, new EndpointState()) { Namespace = Foo };

    private static DefaultHttpContext Context(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.Host = new HostString("model.test");
        context.Response.Body = new MemoryStream();
        return context;
    }
}
