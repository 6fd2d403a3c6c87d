using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Gateway.Security.Jwt;
using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security;

/// <summary>
/// The gateway's compiled security config at one generation: immutable, replaced whole on a push.
/// Scope: a policy without a selector applies to every workload of the mesh, whatever its namespace (there is no
/// root-namespace distinction); one with <c>selector.matchLabels</c> applies to workloads carrying those labels:
/// the gateway itself (its <c>MeshGatewayOptions.Labels</c>, checked before routing) or a destination endpoint
/// (checked once the endpoint is chosen). The gateway enforces for both, so it is the only enforcement point.
/// </summary>
internal sealed class SecuritySnapshot
{
    private readonly (ImmutableDictionary<string, string> Selector, JwtProvider[] Providers)[] _selectedProviders;
    private readonly CompiledPolicy[] _meshPolicies;
    private readonly CompiledPolicy[] _selectedPolicies;
    private readonly ConditionalWeakTable<ImmutableDictionary<string, string>, WorkloadSecurity> _byLabels = new();

    public SecuritySnapshot(
        long generation,
        IReadOnlyList<JwtProvider> meshProviders,
        IReadOnlyList<(ImmutableDictionary<string, string> Selector, JwtProvider[] Providers)> selectedProviders,
        IReadOnlyList<CompiledPolicy> policies,
        IReadOnlyDictionary<string, string> gatewayLabels,
        ImmutableArray<PeerAuthentication> peerAuthentications)
    {
        Generation = generation;
        _selectedProviders = [.. selectedProviders];
        _meshPolicies = [.. policies.Where(p => p.Selector is null)];
        _selectedPolicies = [.. policies.Where(p => p.Selector is not null)];
        PeerAuthentications = peerAuthentications;
        var gatewayProviders = meshProviders.Concat(_selectedProviders.Where(s => Selects(s.Selector, gatewayLabels)).SelectMany(s => s.Providers)).ToArray();
        Gateway = new WorkloadSecurity(gatewayProviders, new PolicySet([.. _meshPolicies, .. _selectedPolicies.Where(p => Selects(p.Selector!, gatewayLabels))]));
        AllLocations = [.. meshProviders.Concat(_selectedProviders.SelectMany(s => s.Providers)).SelectMany(p => p.Locations).Distinct()];
    }

    public static SecuritySnapshot Empty { get; } = new(0, [], [], [], ImmutableDictionary<string, string>.Empty, []);

    public long Generation { get; }

    /// <summary>What the gateway checks before routing.</summary>
    public WorkloadSecurity Gateway { get; }

    /// <summary>Every place any jwtRule reads tokens from.</summary>
    public IReadOnlyList<JwtLocation> AllLocations { get; }

    /// <summary>Stored for the mTLS work; not enforced by request authentication.</summary>
    public ImmutableArray<PeerAuthentication> PeerAuthentications { get; }

    /// <summary>True when there is nothing to check anywhere: the request path skips security entirely.</summary>
    public bool IsEmpty => AllLocations.Count == 0 && _meshPolicies.Length == 0 && _selectedPolicies.Length == 0;

    /// <summary>
    /// What applies at a destination endpoint with <paramref name="labels"/>: the jwtRules selecting it (mesh-wide ones
    /// were checked before routing) and every policy for it, mesh-wide ones included, as a sidecar would enforce them.
    /// </summary>
    public WorkloadSecurity ForDestination(ImmutableDictionary<string, string> labels) =>
        IsEmpty ? WorkloadSecurity.None : _byLabels.GetValue(labels, Compute);

    private WorkloadSecurity Compute(ImmutableDictionary<string, string> labels)
    {
        var providers = _selectedProviders.Where(s => Selects(s.Selector, labels)).SelectMany(s => s.Providers).Except(Gateway.Providers).ToArray();
        var policies = new PolicySet([.. _meshPolicies, .. _selectedPolicies.Where(p => Selects(p.Selector!, labels))]);
        return new WorkloadSecurity(providers, policies);
    }

    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.All(l => labels.TryGetValue(l.Key, out var value) && string.Equals(value, l.Value, StringComparison.Ordinal));
}
