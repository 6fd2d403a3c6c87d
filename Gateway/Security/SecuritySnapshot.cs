using System.Collections.Frozen;
using System.Collections.Immutable;
using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Gateway.Security.Jwt;
using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security;

/// <summary>
/// The gateway's compiled security config at one generation: immutable, replaced whole on a push.
/// Scope, as Istio's (<see cref="PolicyScope"/>): a RequestAuthentication or AuthorizationPolicy in the root namespace
/// (<c>istio-system</c>) applies to workloads of every namespace, one in any other namespace only to workloads of that
/// namespace; without a selector to all of them, with <c>selector.matchLabels</c> to those carrying the labels. A
/// resource without <c>metadata.namespace</c> is in <c>default</c>. The workloads are the gateway itself (its
/// <c>MeshGatewayOptions.Namespace</c> and <c>Labels</c>, checked before routing) and each destination endpoint (its
/// ServiceEntry's namespace and its labels, checked once the endpoint is chosen). The gateway enforces for both, so it
/// is the only enforcement point.
/// </summary>
internal sealed class SecuritySnapshot
{
    private readonly ScopedProviders[] _providers;
    private readonly CompiledPolicy[] _policies;
    private readonly string _rootNamespace;

    // Namespaces holding policies of their own each get a cache; any other namespace (the root one included) sees only
    // the root namespace's, so they share one. Read-only after construction: lookups take no lock.
    private readonly FrozenDictionary<string, NamespaceSecurityCache> _namespaces;
    private readonly NamespaceSecurityCache _rootOnly;

    public SecuritySnapshot(
        long generation,
        IReadOnlyList<ScopedProviders> providers,
        IReadOnlyList<CompiledPolicy> policies,
        string rootNamespace,
        string gatewayNamespace,
        IReadOnlyDictionary<string, string> gatewayLabels,
        ImmutableArray<PeerAuthentication> peerAuthentications)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(rootNamespace);
        ArgumentNullException.ThrowIfNull(gatewayNamespace);
        ArgumentNullException.ThrowIfNull(gatewayLabels);
        Generation = generation;
        _providers = [.. providers];
        _policies = [.. policies];
        _rootNamespace = rootNamespace;
        PeerAuthentications = peerAuthentications;
        Gateway = new WorkloadSecurity(ProvidersFor(gatewayNamespace, gatewayLabels).ToArray(), PoliciesFor(gatewayNamespace, gatewayLabels));
        AllLocations = [.. _providers.SelectMany(s => s.Providers).SelectMany(p => p.Locations).Distinct()];
        IsEmpty = AllLocations.Count == 0 && _policies.Length == 0;
        _rootOnly = new NamespaceSecurityCache(rootNamespace, Compute);
        _namespaces = _providers.Select(p => p.Scope.Namespace)
            .Concat(_policies.Select(p => p.Scope.Namespace))
            .Where(ns => !string.Equals(ns, rootNamespace, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(ns => ns, ns => new NamespaceSecurityCache(ns, Compute), StringComparer.Ordinal);
    }

    public static SecuritySnapshot Empty { get; } = new(
        0, [], [], PeerAuthenticationResolver.DefaultRootNamespace, PeerAuthenticationResolver.DefaultRootNamespace, ImmutableDictionary<string, string>.Empty, []);

    public long Generation { get; }

    /// <summary>What the gateway checks before routing: what applies to its own namespace and labels.</summary>
    public WorkloadSecurity Gateway { get; }

    /// <summary>Every place any jwtRule reads tokens from.</summary>
    public IReadOnlyList<JwtLocation> AllLocations { get; }

    /// <summary>Stored for the mTLS work; not enforced by request authentication.</summary>
    public ImmutableArray<PeerAuthentication> PeerAuthentications { get; }

    /// <summary>True when there is nothing to check anywhere: the request path skips security entirely.</summary>
    public bool IsEmpty { get; }

    /// <summary>
    /// What applies at a destination endpoint in <paramref name="namespace"/> with <paramref name="labels"/>: the jwtRules
    /// applying to it but not to the gateway (those were checked before routing), and every policy applying to it, the
    /// gateway's included, as a sidecar would enforce them. Computed once per namespace and label set.
    /// </summary>
    public WorkloadSecurity ForDestination(string @namespace, ImmutableDictionary<string, string> labels) =>
        IsEmpty ? WorkloadSecurity.None : (_namespaces.TryGetValue(@namespace, out var cache) ? cache : _rootOnly).For(labels);

    private WorkloadSecurity Compute(string @namespace, ImmutableDictionary<string, string> labels)
    {
        var providers = ProvidersFor(@namespace, labels).Except(Gateway.Providers).ToArray();
        var policies = PoliciesFor(@namespace, labels);
        return providers.Length == 0 && policies.IsEmpty ? WorkloadSecurity.None : new WorkloadSecurity(providers, policies);
    }

    private IEnumerable<JwtProvider> ProvidersFor(string @namespace, IReadOnlyDictionary<string, string> labels) =>
        _providers.Where(s => s.Scope.AppliesTo(_rootNamespace, @namespace, labels)).SelectMany(s => s.Providers);

    private PolicySet PoliciesFor(string @namespace, IReadOnlyDictionary<string, string> labels) =>
        new([.. _policies.Where(p => p.Scope.AppliesTo(_rootNamespace, @namespace, labels))]);
}
