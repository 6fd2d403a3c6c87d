using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Output;

/// <summary>The columns <c>meshctl get</c> shows for each kind, after NAME (and NAMESPACE).</summary>
internal static class ResourceColumns
{
    private const string None = "<none>";

    public static ImmutableArray<string> Headers(ResourceKind kind) => kind switch
    {
        ResourceKind.VirtualService => ["GATEWAYS", "HOSTS"],
        ResourceKind.DestinationRule => ["HOST", "SUBSETS"],
        ResourceKind.ServiceEntry => ["HOSTS", "PORTS", "ENDPOINTS"],
        ResourceKind.WorkloadEntry => ["ADDRESS", "LABELS"],
        ResourceKind.Gateway => ["SERVERS"],
        _ => [],
    };

    public static ImmutableArray<string> Values(MeshResource resource) => resource switch
    {
        // An empty gateway list means the mesh's sidecars, which Istio calls "mesh".
        VirtualService vs => [vs.Spec.Gateways.IsEmpty ? "mesh" : List(vs.Spec.Gateways), List(vs.Spec.Hosts)],
        DestinationRule dr => [dr.Spec.Host, List(dr.Spec.Subsets.Select(s => s.Name))],
        ServiceEntry se => [List(se.Spec.Hosts), List(se.Spec.Ports.Select(p => $"{p.Number}/{p.Protocol}")), List(se.Spec.Endpoints.Select(e => e.Address))],
        WorkloadEntry we => [we.Spec.Address, Labels(we.Spec.Labels)],
        Gateway gw => [List(gw.Spec.Servers.Select(s => $"{s.Port.Number}/{s.Port.Protocol} {string.Join(',', s.Hosts)}"))],
        _ => [],
    };

    private static string List(IEnumerable<string> items)
    {
        var text = string.Join(",", items);
        return text.Length == 0 ? None : text;
    }

    private static string Labels(ImmutableDictionary<string, string> labels) =>
        List(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
