using System.Collections.Immutable;
using OrleansMesh.Networking;
using OrleansMesh.Security;

namespace OrleansMesh.Abstractions.Tests.Security;

/// <summary>
/// Istio's PeerAuthentication precedence, on the examples of its reference page: a <c>finance</c> workload in
/// namespace <c>foo</c>, policies in <c>foo</c> and in the root namespace <c>istio-system</c>.
/// </summary>
public sealed class PeerAuthenticationResolverTests
{
    private const string Foo = "foo";
    private const string Root = PeerAuthenticationResolver.DefaultRootNamespace;
    private static readonly Dictionary<string, string> Finance = new() { ["app"] = "finance", ["version"] = "v1" };

    [Fact]
    public void Resolve_NoPolicy_Permissive()
    {
        var effective = Resolve();

        Assert.Equal(MutualTlsMode.Permissive, effective.ModeFor(8080));
    }

    [Fact]
    public void Resolve_MeshWideStrict_Strict()
    {
        var effective = Resolve(Policy(Root, MutualTlsMode.Strict));

        Assert.Equal(MutualTlsMode.Strict, effective.Mode);
    }

    [Fact]
    public void Resolve_NamespaceWidePolicyOfAnotherNamespace_Ignored()
    {
        var effective = Resolve(Policy("bar", MutualTlsMode.Strict));

        Assert.Equal(MutualTlsMode.Permissive, effective.Mode);
    }

    [Fact]
    public void Resolve_NamespaceWideAndMeshWide_NamespaceWins()
    {
        var effective = Resolve(Policy(Root, MutualTlsMode.Strict), Policy(Foo, MutualTlsMode.Disable));

        Assert.Equal(MutualTlsMode.Disable, effective.Mode);
    }

    [Fact]
    public void Resolve_NamespacePermissiveWorkloadStrict_WorkloadWins()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Permissive), Policy(Foo, MutualTlsMode.Strict, Selector("app", "finance")));

        Assert.Equal(MutualTlsMode.Strict, effective.Mode);
    }

    [Fact]
    public void Resolve_SelectorNotMatchingLabels_NamespaceModeApplies()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Permissive), Policy(Foo, MutualTlsMode.Strict, Selector("app", "payments")));

        Assert.Equal(MutualTlsMode.Permissive, effective.Mode);
    }

    [Fact]
    public void Resolve_SelectorWithSeveralLabels_NeedsAllOfThem()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Strict, Selector("app", "finance").Add("version", "v2")));

        Assert.Equal(MutualTlsMode.Permissive, effective.Mode);
    }

    [Fact]
    public void Resolve_MatchingSelectorInAnotherNamespace_Ignored()
    {
        var effective = Resolve(Policy("bar", MutualTlsMode.Strict, Selector("app", "finance")));

        Assert.Equal(MutualTlsMode.Permissive, effective.Mode);
    }

    [Fact]
    public void Resolve_MatchingSelectorInRootNamespace_Ignored()
    {
        var effective = Resolve(Policy(Root, MutualTlsMode.Strict, Selector("app", "finance")));

        Assert.Equal(MutualTlsMode.Permissive, effective.Mode);
    }

    [Fact]
    public void Resolve_EmptyMatchLabels_ActsAsNamespaceWide()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Strict, ImmutableDictionary<string, string>.Empty));

        Assert.Equal(MutualTlsMode.Strict, effective.Mode);
    }

    [Fact]
    public void Resolve_NamespaceUnset_InheritsMeshWide()
    {
        var effective = Resolve(Policy(Root, MutualTlsMode.Strict), Policy(Foo, MutualTlsMode.Unset));

        Assert.Equal(MutualTlsMode.Strict, effective.Mode);
    }

    [Fact]
    public void Resolve_WorkloadWithoutMtls_InheritsNamespace()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Disable), Policy(Foo, mode: null, Selector("app", "finance")));

        Assert.Equal(MutualTlsMode.Disable, effective.Mode);
    }

    [Fact]
    public void Resolve_WorkloadStrictWithPort8080Disable_PortGetsDisable()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Strict, Selector("app", "finance"), ("8080", MutualTlsMode.Disable)));

        Assert.Equal(MutualTlsMode.Disable, effective.ModeFor(8080));
    }

    [Fact]
    public void Resolve_WorkloadStrictWithPort8080Disable_OtherPortsStrict()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Strict, Selector("app", "finance"), ("8080", MutualTlsMode.Disable)));

        Assert.Equal(MutualTlsMode.Strict, effective.ModeFor(9000));
    }

    [Fact]
    public void Resolve_WorkloadUnsetWithPortOverride_OtherPortsInheritNamespace()
    {
        var effective = Resolve(
            Policy(Foo, MutualTlsMode.Strict),
            Policy(Foo, MutualTlsMode.Unset, Selector("app", "finance"), ("8080", MutualTlsMode.Disable)));

        Assert.Equal((MutualTlsMode.Strict, MutualTlsMode.Disable), (effective.ModeFor(9000), effective.ModeFor(8080)));
    }

    [Fact]
    public void Resolve_PortUnset_InheritsWorkloadMode()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Disable, Selector("app", "finance"), ("8080", MutualTlsMode.Unset)));

        Assert.Equal(MutualTlsMode.Disable, effective.ModeFor(8080));
    }

    [Fact]
    public void Resolve_PortLevelOnNamespaceWidePolicy_Ignored()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Strict, ports: ("8080", MutualTlsMode.Disable)));

        Assert.Equal(MutualTlsMode.Strict, effective.ModeFor(8080));
    }

    [Fact]
    public void Resolve_TwoNamespaceWidePolicies_OldestWins()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Strict), Policy(Foo, MutualTlsMode.Disable));

        Assert.Equal(MutualTlsMode.Strict, effective.Mode);
    }

    [Fact]
    public void Resolve_TwoMatchingWorkloadPolicies_OldestWins()
    {
        var effective = Resolve(
            Policy(Foo, MutualTlsMode.Disable, Selector("version", "v1")),
            Policy(Foo, MutualTlsMode.Strict, Selector("app", "finance")));

        Assert.Equal(MutualTlsMode.Disable, effective.Mode);
    }

    [Fact]
    public void Resolve_WorkloadInRootNamespace_RootPolicyIsMeshWide()
    {
        var effective = PeerAuthenticationResolver.Resolve([Policy(Root, MutualTlsMode.Strict)], Root, Finance);

        Assert.Equal(MutualTlsMode.Strict, effective.Mode);
    }

    [Fact]
    public void Resolve_OtherRootNamespace_ItsPolicyIsMeshWide()
    {
        var effective = PeerAuthenticationResolver.Resolve([Policy("mesh-root", MutualTlsMode.Strict)], Foo, Finance, rootNamespace: "mesh-root");

        Assert.Equal(MutualTlsMode.Strict, effective.Mode);
    }

    [Fact]
    public void Equals_SamePortModesInOtherInstances_Equal()
    {
        var policy = Policy(Foo, MutualTlsMode.Strict, Selector("app", "finance"), ("8080", MutualTlsMode.Disable));

        Assert.Equal(Resolve(policy), Resolve(policy with { }));
    }

    [Fact]
    public void ToString_PortOverride_NamesModeAndPort()
    {
        var effective = Resolve(Policy(Foo, MutualTlsMode.Strict, Selector("app", "finance"), ("8080", MutualTlsMode.Disable)));

        Assert.Equal("STRICT (port 8080: DISABLE)", effective.ToString());
    }

    private static EffectivePeerAuthentication Resolve(params PeerAuthentication[] policies) =>
        PeerAuthenticationResolver.Resolve(policies, Foo, Finance);

    private static ImmutableDictionary<string, string> Selector(string key, string value) =>
        ImmutableDictionary<string, string>.Empty.Add(key, value);

    private static PeerAuthentication Policy(
        string @namespace,
        MutualTlsMode? mode,
        ImmutableDictionary<string, string>? selector = null,
        params (string Port, MutualTlsMode Mode)[] ports) => new()
        {
            Metadata = new ResourceMetadata { Name = "policy", Namespace = @namespace },
            Spec = new PeerAuthenticationSpec
            {
                Selector = selector is null ? null : new WorkloadSelector { Labels = selector },
                Mtls = mode is { } m ? new PeerMutualTls { Mode = m } : null,
                PortLevelMtls = ports.ToImmutableDictionary(p => p.Port, p => new PeerMutualTls { Mode = p.Mode }),
            },
        };
}
