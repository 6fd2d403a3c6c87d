using System.Collections.Immutable;
using OrleansMesh.Inference;
using OrleansMesh.Networking;

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
        ResourceKind.InferencePool => ["SELECTOR", "PORT"],
        ResourceKind.InferenceObjective => ["POOL", "PRIORITY"],
        _ => [],
    };

    public static ImmutableArray<string> Values(MeshResource resource) => resource switch
    {
        // An empty gateway list means the mesh's sidecars, which Istio calls "mesh"; a delegate (no hosts) applies
        // only through its roots, wherever they apply.
        VirtualService vs => [Gateways(vs), List(vs.Spec.Hosts), Delegates(vs)],
        DestinationRule dr => [dr.Spec.Host, List(dr.Spec.Subsets.Select(s => s.Name))],
        ServiceEntry se => [List(se.Spec.Hosts), List(se.Spec.Ports.Select(p => $"{p.Number}/{p.Protocol}")), List(se.Spec.Endpoints.Select(e => e.Address))],
        WorkloadEntry we => [we.Spec.Address, Labels(we.Spec.Labels)],
        Gateway gw => [List(gw.Spec.Servers.Select(s => $"{s.Port.Number}/{s.Port.Protocol} {string.Join(',', s.Hosts)}"))],
        InferencePool pool => [Labels(pool.Spec.Selector.MatchLabels), List(pool.Spec.TargetPorts.Select(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        InferenceObjective objective => [objective.Spec.PoolRef.Name, (objective.Spec.Priority ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)],
        _ => [],
    };

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

    private static string List(IEnumerable<string> items)
    {
        var text = string.Join(",", items);
        return text.Length == 0 ? None : text;
    }

    private static string Labels(ImmutableDictionary<string, string> labels) =>
        List(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
