using System.Collections.Immutable;
using OrleansMesh.Configuration;
using OrleansMesh.GatewayApi;
using OrleansMesh.Inference;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Cli.Output;

/// <summary>The columns <c>meshctl get</c> shows for each kind, after NAME (and NAMESPACE).</summary>
internal static class ResourceColumns
{
    private const string None = "<none>";

    public static ImmutableArray<string> Headers(ResourceKind kind) => kind switch
    {
        ResourceKind.VirtualService => ["GATEWAYS", "HOSTS", "DELEGATES"],
        ResourceKind.DestinationRule => ["HOST", "SUBSETS"],
        ResourceKind.ServiceEntry => ["HOSTS", "PORTS", "ENDPOINTS"],
        ResourceKind.WorkloadEntry => ["ADDRESS", "LABELS"],
        ResourceKind.Gateway => ["SERVERS"],
        ResourceKind.Rollout => ["HOST", "STABLE", "CANARY", "PHASE", "WEIGHT", "STEP", "MAX", "INTERVAL"],
        ResourceKind.InferencePool => ["SELECTOR", "PORT"],
        ResourceKind.InferenceObjective => ["POOL", "PRIORITY"],
        ResourceKind.HTTPRoute => ["PARENTS", "HOSTNAMES", "BACKENDS"],
        ResourceKind.KubernetesGateway => ["CLASS", "LISTENERS"],
        _ => [],
    };

    /// <param name="resource">The resource.</param>
    /// <param name="rollout">For a Rollout, its driver's status (null: not started yet).</param>
    public static ImmutableArray<string> Values(MeshResource resource, RolloutStatus? rollout = null) => resource switch
    {
        // An empty gateway list means the mesh's sidecars, which Istio calls "mesh"; a delegate (no hosts) applies
        // only through its roots, wherever they apply.
        VirtualService vs => [Gateways(vs), List(vs.Spec.Hosts), Delegates(vs)],
        DestinationRule dr => [dr.Spec.Host, List(dr.Spec.Subsets.Select(s => s.Name))],
        ServiceEntry se => [List(se.Spec.Hosts), List(se.Spec.Ports.Select(p => $"{p.Number}/{p.Protocol}")), List(se.Spec.Endpoints.Select(e => e.Address))],
        WorkloadEntry we => [we.Spec.Address, Labels(we.Spec.Labels)],
        Gateway gw => [List(gw.Spec.Servers.Select(s => $"{s.Port.Number}/{s.Port.Protocol} {string.Join(',', s.Hosts)}"))],
        Rollout ro => [ro.Spec.Host, ro.Spec.Stable, ro.Spec.Canary, Phase(rollout), Weight(rollout), ro.Spec.Analysis.StepWeight == 0 ? "A/B" : $"{ro.Spec.Analysis.StepWeight}", $"{ro.Spec.Analysis.MaxWeight}", IstioDuration.Format(ro.Spec.Analysis.Interval)],
        InferencePool pool => [Labels(pool.Spec.Selector.MatchLabels), List(pool.Spec.TargetPorts.Select(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        InferenceObjective objective => [objective.Spec.PoolRef.Name, (objective.Spec.Priority ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)],
        HttpRouteResource route => [List(route.Spec.ParentRefs.Select(p => p.SectionName is null ? p.Name : $"{p.Name}/{p.SectionName}")), List(route.Spec.Hostnames), Backends(route)],
        KubernetesGateway gateway => [gateway.Spec.GatewayClassName, List(gateway.Spec.Listeners.Select(l => $"{l.Name}:{l.Port}/{l.Protocol} {l.Hostname ?? "*"}"))],
        _ => [],
    };

    private static string Phase(RolloutStatus? status) => status switch
    {
        null => "<pending>",
        { Deleted: true } => "<stopped>",
        { Paused: true } => $"{status.Phase} (paused)",
        _ => status.Phase.ToString(),
    };

    private static string Weight(RolloutStatus? status) => status?.CanaryWeight is { } weight ? $"{weight}" : status is null ? "-" : "as written";

    private static string Gateways(VirtualService vs) => vs.Spec switch
    {
        { Hosts.IsEmpty: true } => "<delegate>",
        { Gateways.IsEmpty: true } => "mesh",
        _ => List(vs.Spec.Gateways),
    };

    // The delegates a root's routes continue in, namespace/name.
    private static string Delegates(VirtualService vs) =>
        List(vs.Spec.Http.Select(r => r.Delegate).OfType<VirtualServiceDelegate>()
            .Select(d => $"{(string.IsNullOrEmpty(d.Namespace) ? vs.Metadata.Namespace : d.Namespace)}/{d.Name}")
            .Distinct(StringComparer.Ordinal));

    // The hosts the route's backends are, as the mesh routes to them (a pool as NAME.NAMESPACE.inferencepool).
    private static string Backends(HttpRouteResource route) =>
        List(route.Spec.Rules.SelectMany(r => r.BackendRefs)
            .Select(b => BackendKinds.Host(b, route.Metadata.Namespace) ?? $"{b.Kind}/{b.Name}")
            .Distinct(StringComparer.Ordinal));

    private static string List(IEnumerable<string> items)
    {
        var text = string.Join(",", items);
        return text.Length == 0 ? None : text;
    }

    private static string Labels(ImmutableDictionary<string, string> labels) =>
        List(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
