using System.Collections.Frozen;
using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Resources;

/// <summary>kubectl's names for the kinds: singular, plural, short and fully qualified, plus <c>all</c>.</summary>
internal static class ResourceKindNames
{
    private const string NetworkingGroup = "networking.istio.io";

    private const string SecurityGroup = "security.istio.io";

    private const string MeshGroup = "orleansmesh.io";

    private const string GatewayApiGroup = "gateway.networking.k8s.io";

    private static readonly ImmutableArray<(ResourceKind Kind, string Singular, string Plural, string Short)> Names =
    [
        (ResourceKind.VirtualService, "virtualservice", "virtualservices", "vs"),
        (ResourceKind.DestinationRule, "destinationrule", "destinationrules", "dr"),
        (ResourceKind.ServiceEntry, "serviceentry", "serviceentries", "se"),
        (ResourceKind.WorkloadEntry, "workloadentry", "workloadentries", "we"),
        (ResourceKind.Gateway, "gateway", "gateways", "gw"),
        (ResourceKind.RequestAuthentication, "requestauthentication", "requestauthentications", "ra"),
        (ResourceKind.AuthorizationPolicy, "authorizationpolicy", "authorizationpolicies", "ap"),
        (ResourceKind.PeerAuthentication, "peerauthentication", "peerauthentications", "pa"),

        // Stored, not enforced; Istio's CRDs give no short name but WorkloadGroup's.
        (ResourceKind.Sidecar, "sidecar", "sidecars", "sidecar"),
        (ResourceKind.EnvoyFilter, "envoyfilter", "envoyfilters", "envoyfilter"),
        (ResourceKind.ProxyConfig, "proxyconfig", "proxyconfigs", "proxyconfig"),
        (ResourceKind.WorkloadGroup, "workloadgroup", "workloadgroups", "wg"),

        // OrleansMesh's own.
        (ResourceKind.Rollout, "rollout", "rollouts", "ro"),

        // The Gateway API Inference Extension's kinds, with their CRDs' short names.
        (ResourceKind.InferencePool, "inferencepool", "inferencepools", "infpool"),
        (ResourceKind.InferenceObjective, "inferenceobjective", "inferenceobjectives", "infobj"),

        // The Gateway API's. Its Gateway shares kubectl's bare names with Istio's, which keeps them (as kubectl
        // resolves an ambiguous name to one group); `gtw` or `gateways.gateway.networking.k8s.io` name it.
        (ResourceKind.HTTPRoute, "httproute", "httproutes", "hr"),
        (ResourceKind.KubernetesGateway, "gateway", "gateways", "gtw"),
        (ResourceKind.GatewayClass, "gatewayclass", "gatewayclasses", "gc"),
    ];

    private static readonly FrozenDictionary<string, ImmutableArray<ResourceKind>> ByName = BuildLookup();

    /// <summary>For help and error messages: every kind with its short name.</summary>
    public static string ValidSingleKinds { get; } = string.Join(", ", Names.Select((n, i) => (Name: Names.Take(i).Any(o => o.Singular == n.Singular) ? $"{n.Singular}.{Group(n.Kind)}" : n.Singular, n.Short))
        .Select(n => n.Short == n.Name ? n.Name : $"{n.Name} ({n.Short})"));

    /// <summary>As <see cref="ValidSingleKinds"/>, with <c>all</c>.</summary>
    public static string ValidKinds { get; } = ValidSingleKinds + ", all";

    /// <summary>Resolves a kind as typed (case-insensitive); <c>all</c> gives every kind.</summary>
    public static bool TryResolve(string text, out ImmutableArray<ResourceKind> kinds) =>
        ByName.TryGetValue(text, out kinds);

    /// <summary>e.g. <c>virtualservice</c>.</summary>
    public static string Singular(ResourceKind kind) => Find(kind).Singular;

    /// <summary>e.g. <c>virtualservices</c>, as kubectl names a kind in NotFound errors.</summary>
    public static string Plural(ResourceKind kind) => Find(kind).Plural;

    /// <summary>e.g. <c>virtualservice.networking.istio.io</c>, as kubectl prints a kind in apply and delete.</summary>
    public static string Qualified(ResourceKind kind) => $"{Find(kind).Singular}.{Group(kind)}";

    private static string Group(ResourceKind kind) => kind switch
    {
        ResourceKind.RequestAuthentication or ResourceKind.AuthorizationPolicy or ResourceKind.PeerAuthentication => SecurityGroup,
        ResourceKind.Rollout => MeshGroup,
        ResourceKind.InferencePool => "inference.networking.k8s.io",
        ResourceKind.InferenceObjective => "inference.networking.x-k8s.io",
        ResourceKind.HTTPRoute or ResourceKind.KubernetesGateway or ResourceKind.GatewayClass => GatewayApiGroup,
        _ => NetworkingGroup,
    };

    private static (ResourceKind Kind, string Singular, string Plural, string Short) Find(ResourceKind kind) =>
        Names.First(n => n.Kind == kind);

    private static FrozenDictionary<string, ImmutableArray<ResourceKind>> BuildLookup()
    {
        var lookup = new Dictionary<string, ImmutableArray<ResourceKind>>(StringComparer.OrdinalIgnoreCase)
        {
            ["all"] = [.. Names.Select(n => n.Kind)],
        };
        foreach (var (kind, singular, plural, shortName) in Names)
        {
            ImmutableArray<ResourceKind> one = [kind];
            foreach (var name in new[] { singular, plural, shortName, $"{singular}.{Group(kind)}", $"{plural}.{Group(kind)}", kind.ToString() })
            {
                lookup.TryAdd(name, one);
            }
        }

        return lookup.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
