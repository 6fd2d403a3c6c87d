using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Gateway.Security.Jwt;
using OrleansMesh.Networking;
using OrleansMesh.Security;
using static OrleansMesh.Gateway.Tests.Security.TestTokens;

namespace OrleansMesh.Gateway.Tests.Security;

/// <summary>
/// Istio's namespace scoping of AuthorizationPolicies and RequestAuthentications: the root namespace's apply everywhere,
/// any other namespace's only to workloads of that namespace; the gateway is a workload in istio-system unless told.
/// </summary>
public sealed class SecuritySnapshotScopeTests : IDisposable
{
    private const string Root = PeerAuthenticationResolver.DefaultRootNamespace;
    private const string DenyAll = "action: DENY\nrules:\n- {}";
    private const string DenyModel = "selector:\n  matchLabels:\n    app: model\naction: DENY\nrules:\n- {}";
    private static readonly Dictionary<string, string> s_gatewayLabels = new() { ["istio"] = "ingressgateway" };
    private static readonly ImmutableDictionary<string, string> s_model = ImmutableDictionary<string, string>.Empty.Add("app", "model");
    private static readonly ImmutableDictionary<string, string> s_other = ImmutableDictionary<string, string>.Empty.Add("app", "other");
    private readonly JwksCache _jwks = new(Options.Create(new MeshSecurityOptions()), new FakeTimeProvider(Now), NullLogger<JwksCache>.Instance);

    [Fact]
    public void ForDestination_RootPolicyWithoutSelector_AppliesInEveryNamespace()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyAll, Root));

        Assert.True(Denies(snapshot.ForDestination("foo", s_other)));
        Assert.True(Denies(snapshot.ForDestination("bar", s_other)));
        Assert.True(Denies(snapshot.ForDestination(Root, s_other)));
    }

    [Fact]
    public void Gateway_RootPolicyWithoutSelector_Applies()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyAll, Root));

        Assert.True(Denies(snapshot.Gateway));
    }

    [Fact]
    public void ForDestination_NamespacePolicyWithoutSelector_AppliesInItsNamespace()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyAll, "foo"));

        Assert.True(Denies(snapshot.ForDestination("foo", s_other)));
    }

    [Fact]
    public void ForDestination_NamespacePolicyWithoutSelector_NotInOtherNamespace()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyAll, "foo"));

        Assert.Same(WorkloadSecurity.None, snapshot.ForDestination("bar", s_other));
        Assert.Same(WorkloadSecurity.None, snapshot.ForDestination(Root, s_other));
    }

    [Fact]
    public void Gateway_NamespacePolicyWithoutSelector_DoesNotApply()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyAll, "foo"));

        Assert.True(snapshot.Gateway.IsEmpty);
        Assert.False(snapshot.IsEmpty);
    }

    [Fact]
    public void ForDestination_NamespacePolicyWithSelector_AppliesToMatchingLabelsInItsNamespace()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyModel, "foo"));

        Assert.True(Denies(snapshot.ForDestination("foo", s_model)));
        Assert.True(snapshot.ForDestination("foo", s_other).IsEmpty);
    }

    [Fact]
    public void ForDestination_NamespacePolicyWithSelector_NotToMatchingLabelsInOtherNamespace()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyModel, "foo"));

        Assert.True(snapshot.ForDestination("bar", s_model).IsEmpty);
    }

    [Fact]
    public void ForDestination_RootPolicyWithSelector_AppliesToMatchingLabelsInEveryNamespace()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyModel, Root));

        Assert.True(Denies(snapshot.ForDestination("foo", s_model)));
        Assert.True(Denies(snapshot.ForDestination("bar", s_model)));
        Assert.True(snapshot.ForDestination("bar", s_other).IsEmpty);
        Assert.True(snapshot.Gateway.IsEmpty);
    }

    [Fact]
    public void Compile_PolicyWithoutNamespace_InDefault()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyAll, ns: null));

        Assert.True(Denies(snapshot.ForDestination("default", s_other)));
        Assert.True(snapshot.ForDestination("foo", s_other).IsEmpty);
        Assert.True(snapshot.Gateway.IsEmpty);
    }

    [Fact]
    public void Compile_PoliciesOfTwoNamespaces_EachDestinationGetsRootAndItsOwn()
    {
        var snapshot = Compile(
            Policies.Policy("root-get", "rules:\n- to:\n  - operation:\n      methods: [GET]", Root),
            Policies.Policy("foo-post", "rules:\n- to:\n  - operation:\n      methods: [POST]", "foo"));

        var foo = snapshot.ForDestination("foo", s_other).Policies;
        var bar = snapshot.ForDestination("bar", s_other).Policies;

        Assert.True(foo.Evaluate(new RequestAttributes { Method = "POST" }).Allowed);
        Assert.False(bar.Evaluate(new RequestAttributes { Method = "POST" }).Allowed);
        Assert.True(bar.Evaluate(new RequestAttributes { Method = "GET" }).Allowed);
    }

    [Fact]
    public void ForDestination_SameNamespaceAndLabels_ComputedOnce()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyModel, "foo"));

        Assert.Same(snapshot.ForDestination("foo", s_model), snapshot.ForDestination("foo", s_model));
    }

    [Fact]
    public void ForDestination_SameLabelsInTwoNamespaces_EachItsOwn()
    {
        var snapshot = Compile(Policies.Policy("deny", DenyModel, "foo"));

        var foo = snapshot.ForDestination("foo", s_model);

        Assert.NotSame(foo, snapshot.ForDestination("bar", s_model));
        Assert.Same(foo, snapshot.ForDestination("foo", s_model));
    }

    [Fact]
    public void Gateway_RootRequestAuthentication_ProvidersCheckedBeforeRoutingOnly()
    {
        var snapshot = Compile(Authentication("jwt", Root));

        Assert.Single(snapshot.Gateway.Providers);
        Assert.Empty(snapshot.ForDestination("foo", s_model).Providers);
    }

    [Fact]
    public void ForDestination_NamespaceRequestAuthentication_ProvidersOnlyInItsNamespace()
    {
        var snapshot = Compile(Authentication("jwt", "foo"));

        Assert.Empty(snapshot.Gateway.Providers);
        Assert.Single(snapshot.ForDestination("foo", s_other).Providers);
        Assert.Empty(snapshot.ForDestination("bar", s_other).Providers);
    }

    [Fact]
    public void ForDestination_NamespaceRequestAuthenticationWithSelector_ProvidersOnlyForMatchingLabels()
    {
        var snapshot = Compile(Authentication("jwt", "foo", s_model));

        Assert.Single(snapshot.ForDestination("foo", s_model).Providers);
        Assert.Empty(snapshot.ForDestination("foo", s_other).Providers);
        Assert.Empty(snapshot.ForDestination("bar", s_model).Providers);
    }

    [Fact]
    public void ForDestination_RootRequestAuthenticationWithSelector_ProvidersForMatchingLabelsEverywhere()
    {
        var snapshot = Compile(Authentication("jwt", Root, s_model));

        Assert.Empty(snapshot.Gateway.Providers);
        Assert.Single(snapshot.ForDestination("foo", s_model).Providers);
        Assert.Single(snapshot.ForDestination("bar", s_model).Providers);
    }

    [Fact]
    public void Compile_RequestAuthenticationWithoutNamespace_InDefault()
    {
        var authentication = new RequestAuthentication { Metadata = new ResourceMetadata { Name = "jwt" }, Spec = new() { JwtRules = [Rule()] } };

        var snapshot = Compile(new MeshSnapshot { RequestAuthentications = [authentication] });

        Assert.Single(snapshot.ForDestination("default", s_other).Providers);
        Assert.Empty(snapshot.ForDestination("foo", s_other).Providers);
    }

    [Fact]
    public void Gateway_InOwnNamespace_ThatNamespacesPoliciesApplyBeforeRouting()
    {
        var snapshot = CompileAt("edge", Policies.Policy("deny", DenyAll, "edge"), Policies.Policy("deny-foo", DenyAll, "foo"));

        var denial = snapshot.Gateway.Policies.Evaluate(new RequestAttributes());

        Assert.Equal("edge/deny", denial.Policy);
        Assert.True(snapshot.ForDestination("bar", s_other).IsEmpty);
    }

    [Fact]
    public void Gateway_InOwnNamespace_RootPoliciesStillApply()
    {
        var snapshot = CompileAt("edge", Policies.Policy("deny", DenyAll, Root));

        Assert.True(Denies(snapshot.Gateway));
    }

    [Fact]
    public void Gateway_InOwnNamespace_ItsRequestAuthenticationNotCheckedAgainAtItsDestinations()
    {
        var snapshot = Compile(new MeshSnapshot { RequestAuthentications = [Authentication("jwt", "edge")] }, "edge");

        Assert.Single(snapshot.Gateway.Providers);
        Assert.Empty(snapshot.ForDestination("edge", s_other).Providers);
    }

    public void Dispose() => _jwks.Dispose();

    private static bool Denies(WorkloadSecurity workload) => !workload.Policies.Evaluate(new RequestAttributes()).Allowed;

    private SecuritySnapshot Compile(params string[] policies) => CompileAt(MeshGatewayOptions.DefaultNamespace, policies);

    private SecuritySnapshot CompileAt(string gatewayNamespace, params string[] policies)
    {
        var result = MeshConfigLoader.Load(string.Concat(policies), "t.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Compile(new MeshSnapshot { Generation = 1, AuthorizationPolicies = [.. result.Resources.Select(r => (AuthorizationPolicy)r.Resource)] }, gatewayNamespace);
    }

    private SecuritySnapshot Compile(RequestAuthentication authentication) => Compile(new MeshSnapshot { RequestAuthentications = [authentication] });

    private SecuritySnapshot Compile(MeshSnapshot mesh, string gatewayNamespace = MeshGatewayOptions.DefaultNamespace) =>
        new SecuritySnapshotCompiler(_jwks, Options.Create(new MeshGatewayOptions { Namespace = gatewayNamespace })).Compile(mesh, s_gatewayLabels);

    private static RequestAuthentication Authentication(string name, string ns, ImmutableDictionary<string, string>? selector = null) => new()
    {
        Metadata = new ResourceMetadata { Name = name, Namespace = ns },
        Spec = new() { Selector = selector is null ? null : new WorkloadSelector { Labels = selector }, JwtRules = [Rule()] },
    };
}
